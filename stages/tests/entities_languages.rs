//! The entity tagger on news sentences written for this test in German, French and
//! Russian (no training data in those languages: the gazetteer classes and the shapes
//! learned on English and Portuguese carry it). Each sentence lists its names with their
//! types; the test prints precision, recall and F1 per language and holds a floor so a
//! model or feature change that loses these languages fails.
#![allow(clippy::unwrap_used)]

use stages::entities::{EntityType, Recognizer};
use stages::tokens::tokenize;

/// `(sentence, [(name, type)])`: every name, in order.
type Case = (&'static str, &'static [(&'static str, &'static str)]);

const DE: &[Case] = &[
    (
        "Bundeskanzler Olaf Scholz reiste am Montag nach Paris.",
        &[("Olaf Scholz", "PER"), ("Paris", "LOC")],
    ),
    (
        "Die Regierung in Berlin will die Kosten der Gratiszeitung senken.",
        &[("Berlin", "LOC")],
    ),
    (
        "Nach Angaben der Vereinten Nationen flohen Millionen Menschen aus der Ukraine.",
        &[("Vereinten Nationen", "ORG"), ("Ukraine", "LOC")],
    ),
    (
        "In München sprach Anna Berger mit Vertretern von Siemens.",
        &[
            ("München", "LOC"),
            ("Anna Berger", "PER"),
            ("Siemens", "ORG"),
        ],
    ),
    (
        "Der Minister kündigte Millionen Euro für die Schulen in Sachsen an.",
        &[("Sachsen", "LOC")],
    ),
    (
        "Frankreich und Deutschland einigten sich in Brüssel auf einen Kompromiss.",
        &[
            ("Frankreich", "LOC"),
            ("Deutschland", "LOC"),
            ("Brüssel", "LOC"),
        ],
    ),
    (
        "Thomas Müller wechselt zum FC Bayern München.",
        &[("Thomas Müller", "PER"), ("FC Bayern München", "ORG")],
    ),
    (
        "Die Polizei in Hamburg nahm am Abend zwei Männer fest.",
        &[("Hamburg", "LOC")],
    ),
];

const FR: &[Case] = &[
    (
        "Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée.",
        &[
            ("Emmanuel Macron", "PER"),
            ("Olaf Scholz", "PER"),
            ("Élysée", "LOC"),
        ],
    ),
    (
        "La Russie a rejeté la proposition de l'Union européenne.",
        &[("Russie", "LOC"), ("Union européenne", "ORG")],
    ),
    (
        "À Moscou, les négociations ont repris mardi.",
        &[("Moscou", "LOC")],
    ),
    (
        "Marie Dupont travaille pour Renault à Lyon depuis dix ans.",
        &[("Marie Dupont", "PER"), ("Renault", "ORG"), ("Lyon", "LOC")],
    ),
    (
        "La Maison Blanche a démenti les informations du Monde.",
        &[("Maison Blanche", "LOC"), ("Monde", "ORG")],
    ),
    (
        "Le Premier ministre a visité Marseille et Toulouse.",
        &[("Marseille", "LOC"), ("Toulouse", "LOC")],
    ),
];

const RU: &[Case] = &[
    (
        "Президент России Владимир Путин прибыл в Пекин.",
        &[
            ("России", "LOC"),
            ("Владимир Путин", "PER"),
            ("Пекин", "LOC"),
        ],
    ),
    (
        "Власти США и Китая провели переговоры в Женеве.",
        &[("США", "LOC"), ("Китая", "LOC"), ("Женеве", "LOC")],
    ),
    (
        "Министр иностранных дел Сергей Лавров встретился с коллегой из Италии.",
        &[("Сергей Лавров", "PER"), ("Италии", "LOC")],
    ),
    (
        "Компания Газпром сообщила о росте прибыли.",
        &[("Газпром", "ORG")],
    ),
    (
        "В Москве прошла встреча представителей ООН.",
        &[("Москве", "LOC"), ("ООН", "ORG")],
    ),
    (
        "Анна Петрова родилась в Санкт-Петербурге.",
        &[("Анна Петрова", "PER"), ("Санкт-Петербурге", "LOC")],
    ),
];

/// More sentences of the same kind, written for this test (h-ner4): every name of the
/// sets above and these together is what the second test scores, so that one name moves
/// the figure less.
const DE_MORE: &[Case] = &[
    ("Die Kanzlerin traf in Wien den österreichischen Bundespräsidenten Alexander Van der Bellen.", &[("Wien", "LOC"), ("Alexander Van der Bellen", "PER")]),
    ("Laut einem Sprecher der Deutschen Bahn fallen in Bayern heute viele Züge aus.", &[("Deutschen Bahn", "ORG"), ("Bayern", "LOC")]),
    ("Die Europäische Zentralbank in Frankfurt hält die Zinsen stabil.", &[("Europäische Zentralbank", "ORG"), ("Frankfurt", "LOC")]),
    ("Gesundheitsminister Karl Lauterbach warnte vor einer neuen Welle.", &[("Karl Lauterbach", "PER")]),
    ("Im Streit um die Renten hat die SPD der Union ein Angebot gemacht.", &[("SPD", "ORG"), ("Union", "ORG")]),
    ("Der Konzern Volkswagen baut in Zwickau ein neues Werk.", &[("Volkswagen", "ORG"), ("Zwickau", "LOC")]),
    ("Markus Söder sagte am Dienstag in Nürnberg, er stehe nicht zur Verfügung.", &[("Markus Söder", "PER"), ("Nürnberg", "LOC")]),
    ("Die Vereinigten Staaten und China verhandeln seit Wochen über Zölle.", &[("Vereinigten Staaten", "LOC"), ("China", "LOC")]),
    ("Nach dem Hochwasser an der Elbe fordern die Bürger mehr Hilfe vom Bund.", &[("Elbe", "LOC"), ("Bund", "ORG")]),
    ("Die Sängerin Helene Fischer gibt im Sommer drei Konzerte in Leipzig.", &[("Helene Fischer", "PER"), ("Leipzig", "LOC")]),
    ("Der Bundestag stimmte dem Gesetz mit großer Mehrheit zu.", &[("Bundestag", "ORG")]),
    ("Außenministerin Annalena Baerbock reist nächste Woche nach Kiew.", &[("Annalena Baerbock", "PER"), ("Kiew", "LOC")]),
    ("Die Lufthansa streicht wegen des Streiks mehr als tausend Flüge.", &[("Lufthansa", "ORG")]),
    ("In Köln demonstrierten am Samstag Tausende gegen hohe Mieten.", &[("Köln", "LOC")]),
    ("Der Trainer von Borussia Dortmund, Edin Terzić, lobte seine Mannschaft.", &[("Borussia Dortmund", "ORG"), ("Edin Terzić", "PER")]),
    ("Die Kosten für Strom und Gas steigen in Deutschland weiter.", &[("Deutschland", "LOC")]),
    ("Das Unternehmen hat seinen Sitz in Stuttgart und beschäftigt viertausend Mitarbeiter.", &[("Stuttgart", "LOC")]),
    ("Richterin Julia Hoffmann verurteilte den Angeklagten zu zwei Jahren Haft.", &[("Julia Hoffmann", "PER")]),
    ("Die Nato will ihre Truppen in Litauen verstärken.", &[("Nato", "ORG"), ("Litauen", "LOC")]),
    ("Am Mittwoch besuchte Frank-Walter Steinmeier eine Schule in Dresden.", &[("Frank-Walter Steinmeier", "PER"), ("Dresden", "LOC")]),
    ("Die Zahl der Arbeitslosen ist im Oktober leicht gesunken.", &[]),
    ("Der Chef von Siemens Energy, Christian Bruch, erwartet bessere Zahlen.", &[("Siemens Energy", "ORG"), ("Christian Bruch", "PER")]),
    ("Zwischen Polen und Belarus bleibt die Lage an der Grenze angespannt.", &[("Polen", "LOC"), ("Belarus", "LOC")]),
    ("Wie der Spiegel berichtet, prüft die Staatsanwaltschaft neue Vorwürfe.", &[("Spiegel", "ORG")]),
    ("Ein Sprecher des Auswärtigen Amtes bestätigte die Festnahme in Teheran.", &[("Auswärtigen Amtes", "ORG"), ("Teheran", "LOC")]),
    ("Die Weltgesundheitsorganisation warnt vor einer Ausbreitung in Afrika.", &[("Weltgesundheitsorganisation", "ORG"), ("Afrika", "LOC")]),
    ("Peter Schmidt aus Bremen gewann den Preis für junge Autoren.", &[("Peter Schmidt", "PER"), ("Bremen", "LOC")]),
    ("Im Mittelmeer wurden erneut Hunderte Menschen aus Seenot gerettet.", &[("Mittelmeer", "LOC")]),
    ("Der Präsident der Türkei, Recep Tayyip Erdoğan, lehnte das ab.", &[("Türkei", "LOC"), ("Recep Tayyip Erdoğan", "PER")]),
    ("Die Grünen wollen mit der FDP über den Haushalt reden.", &[("Grünen", "ORG"), ("FDP", "ORG")]),
];

const FR_MORE: &[Case] = &[
    (
        "Le ministre de l'Intérieur Gérald Darmanin s'est rendu à Marseille.",
        &[("Gérald Darmanin", "PER"), ("Marseille", "LOC")],
    ),
    (
        "La SNCF annonce de nouvelles grèves pour la semaine prochaine.",
        &[("SNCF", "ORG")],
    ),
    (
        "Selon Le Figaro, le gouvernement prépare une réforme des retraites.",
        &[("Figaro", "ORG")],
    ),
    (
        "Les Etats-Unis et la Chine ont repris leurs discussions à Genève.",
        &[("Etats-Unis", "LOC"), ("Chine", "LOC"), ("Genève", "LOC")],
    ),
    (
        "Anne Hidalgo, la maire de Paris, a présenté son budget.",
        &[("Anne Hidalgo", "PER"), ("Paris", "LOC")],
    ),
    (
        "Le groupe TotalEnergies a publié des bénéfices record.",
        &[("TotalEnergies", "ORG")],
    ),
    (
        "Des inondations ont touché la Bretagne et la Normandie.",
        &[("Bretagne", "LOC"), ("Normandie", "LOC")],
    ),
    (
        "Jean Martin, un agriculteur de Bordeaux, a perdu sa récolte.",
        &[("Jean Martin", "PER"), ("Bordeaux", "LOC")],
    ),
    (
        "L'ONU appelle à un cessez-le-feu immédiat au Soudan.",
        &[("ONU", "ORG"), ("Soudan", "LOC")],
    ),
    (
        "Le président ukrainien Volodymyr Zelensky est attendu à Bruxelles.",
        &[("Volodymyr Zelensky", "PER"), ("Bruxelles", "LOC")],
    ),
    (
        "La Commission européenne a infligé une amende à Google.",
        &[("Commission européenne", "ORG"), ("Google", "ORG")],
    ),
    ("Le prix de l'essence a encore augmenté ce mois-ci.", &[]),
    (
        "Sophie Bernard a été élue à la tête du syndicat à Lille.",
        &[("Sophie Bernard", "PER"), ("Lille", "LOC")],
    ),
    (
        "Le Parlement a adopté la loi mardi soir.",
        &[("Parlement", "ORG")],
    ),
    (
        "Des manifestants se sont rassemblés devant l'Assemblée nationale.",
        &[("Assemblée nationale", "ORG")],
    ),
    (
        "L'Allemagne et l'Italie soutiennent la proposition espagnole.",
        &[("Allemagne", "LOC"), ("Italie", "LOC")],
    ),
    (
        "Le footballeur Kylian Mbappé a quitté le Paris Saint-Germain.",
        &[("Kylian Mbappé", "PER"), ("Paris Saint-Germain", "ORG")],
    ),
    (
        "À Nice, la police a arrêté deux suspects.",
        &[("Nice", "LOC")],
    ),
    (
        "Le Japon a annoncé un plan de relance.",
        &[("Japon", "LOC")],
    ),
    (
        "Airbus prévoit de livrer plus d'avions cette année.",
        &[("Airbus", "ORG")],
    ),
];

const RU_MORE: &[Case] = &[
    (
        "Глава МИД Германии прибыл в Москву с визитом.",
        &[("МИД Германии", "ORG"), ("Москву", "LOC")],
    ),
    (
        "Мэр Москвы Сергей Собянин открыл новую станцию метро.",
        &[("Москвы", "LOC"), ("Сергей Собянин", "PER")],
    ),
    (
        "Банк России сохранил ключевую ставку.",
        &[("Банк России", "ORG")],
    ),
    (
        "Жители Новосибирска жалуются на отключения отопления.",
        &[("Новосибирска", "LOC")],
    ),
    (
        "Иван Сидоров из Казани выиграл чемпионат.",
        &[("Иван Сидоров", "PER"), ("Казани", "LOC")],
    ),
    (
        "Компания Яндекс запустила новый сервис.",
        &[("Яндекс", "ORG")],
    ),
    (
        "Переговоры между Украиной и Россией прошли в Стамбуле.",
        &[("Украиной", "LOC"), ("Россией", "LOC"), ("Стамбуле", "LOC")],
    ),
    (
        "Государственная дума приняла закон в первом чтении.",
        &[("Государственная дума", "ORG")],
    ),
    ("Цены на бензин выросли за месяц на три процента.", &[]),
    (
        "Президент Франции Эмманюэль Макрон позвонил Владимиру Путину.",
        &[
            ("Франции", "LOC"),
            ("Эмманюэль Макрон", "PER"),
            ("Владимиру Путину", "PER"),
        ],
    ),
    (
        "В Японии произошло сильное землетрясение.",
        &[("Японии", "LOC")],
    ),
    (
        "Министр финансов Антон Силуанов выступил в Государственной думе.",
        &[("Антон Силуанов", "PER"), ("Государственной думе", "ORG")],
    ),
    (
        "Ольга Смирнова переехала из Екатеринбурга в Берлин.",
        &[
            ("Ольга Смирнова", "PER"),
            ("Екатеринбурга", "LOC"),
            ("Берлин", "LOC"),
        ],
    ),
    ("Агентство ТАСС сообщило о задержании.", &[("ТАСС", "ORG")]),
    (
        "Туристы из Китая возвращаются на Байкал.",
        &[("Китая", "LOC"), ("Байкал", "LOC")],
    ),
    (
        "Сбербанк повысил ставки по вкладам.",
        &[("Сбербанк", "ORG")],
    ),
    (
        "Евросоюз ввёл новые санкции против Белоруссии.",
        &[("Евросоюз", "ORG"), ("Белоруссии", "LOC")],
    ),
    (
        "Дмитрий Козлов работает врачом в Самаре.",
        &[("Дмитрий Козлов", "PER"), ("Самаре", "LOC")],
    ),
    (
        "В Лондоне прошла конференция по климату.",
        &[("Лондоне", "LOC")],
    ),
    (
        "НАТО проведёт учения в Польше.",
        &[("НАТО", "ORG"), ("Польше", "LOC")],
    ),
];

/// Precision, recall and F1 of the tagger on `cases` (exact span and type).
fn score(cases: &[Case], lang: &str) -> (f64, f64, f64) {
    let (mut tp, mut pred, mut gold) = (0, 0, 0);
    for (text, names) in cases {
        let tokens = tokenize(text);
        let found: Vec<(String, EntityType)> = Recognizer::builtin()
            .recognize_text(text, &tokens, Some(lang))
            .iter()
            .map(|e| (e.span.slice(text).to_owned(), e.kind))
            .collect();
        let want: Vec<(String, EntityType)> = names
            .iter()
            .map(|(n, t)| ((*n).to_owned(), EntityType::parse(t).unwrap()))
            .collect();
        tp += found.iter().filter(|f| want.contains(f)).count();
        pred += found.len();
        gold += want.len();
        println!("{lang}: {text}\n    found {found:?}");
    }
    let p = tp as f64 / pred.max(1) as f64;
    let r = tp as f64 / gold.max(1) as f64;
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("{lang}: P {p:.2} R {r:.2} F1 {f:.2}");
    (p, r, f)
}

#[test]
fn german_french_and_russian_names_are_found() {
    let de = score(DE, "de");
    let fr = score(FR, "fr");
    let ru = score(RU, "ru");
    // floors a little under the figures measured when the model shipped
    // (docs/stages.md): a change that loses a language fails here
    for (lang, (_, _, f), floor) in [("de", de, 0.75), ("fr", fr, 0.55), ("ru", ru, 0.75)] {
        assert!(f >= floor, "{lang}: F1 {f:.2} < {floor}");
    }
}

#[test]
fn larger_sets_of_german_french_and_russian_names_are_found() {
    let both = |a: &[Case], b: &[Case]| -> Vec<Case> { a.iter().chain(b).copied().collect() };
    let de = score(&both(DE, DE_MORE), "de");
    let fr = score(&both(FR, FR_MORE), "fr");
    let ru = score(&both(RU, RU_MORE), "ru");
    // measured when the model shipped (docs/stages.md): de 0.655, fr 0.709, ru 0.810;
    // floors a little under
    for (lang, (_, _, f), floor) in [("de", de, 0.60), ("fr", fr, 0.65), ("ru", ru, 0.75)] {
        assert!(f >= floor, "{lang}: F1 {f:.2} < {floor}");
    }
}
