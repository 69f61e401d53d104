/// Word pools for realistic customer data: accents, CJK, emoji, right-to-left scripts, very
/// long names, and two hostile names (terminal escape sequences, bidi overrides) that the TUI
/// must render inertly.
enum NamePools {
    /// Customers that always exist at fixed positions (indexes 0…), whatever the seed.
    static let special: [(name: String, firstname: String?, lastname: String?, country: String, timezone: String)] = [
        ("\u{1B}[31mEvil Corp\u{1B}]0;pwned\u{07}", nil, nil, "US", "America/New_York"),
        ("Bidi \u{202E}nwod edispu\u{202C} Trading \u{2067}LLC\u{2069}", nil, nil, "GB", "Europe/London"),
        ("Société Générale des Établissements Économiques et Financiers de l’Île-de-France et des Départements d’Outre-Mer (Succursale Numéro Quatre-Vingt-Dix-Neuf)", nil, nil, "FR", "Europe/Paris"),
        ("株式会社東京データ解析", "太郎", "山田", "JP", "Asia/Tokyo"),
        ("🚀 Rocket Rentals 🦊", nil, nil, "US", "America/Los_Angeles"),
        ("شركة الخليج للتقنية", "محمد", "العلي", "AE", "Asia/Muscat"),
        ("חברת אור הצפון בע״מ", "דנה", "כהן", "IL", "Asia/Jerusalem"),
        ("Zoë Ångström-Müller", "Zoë", "Ångström-Müller", "SE", "Europe/Stockholm"),
    ]

    static let companyStems = [
        "Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Hooli", "Pied Piper", "Vandelay",
        "Nordlicht", "Café Müller", "Crème Brûlée", "Ñandú", "Łódź Logistics", "Kraków Soft", "Øresund",
        "São Paulo Dados", "Dvořák Audio", "Škoda Parts", "Ærø Shipping", "Garçon", "Björk", "Fjällräven",
        "北京云计算", "上海数据", "大阪商事", "서울테크", "부산물류", "台北雲端", "Ханой", "Москва Тех", "Αθήνα Λογισμικό",
        "دبي للحلول", "القاهرة الرقمية", "ירושלים", "मुंबई टेक", "ประเทศไทย", "Hà Nội Số", "İstanbul Yazılım",
        "🌮 Taco Cloud", "☕ Bean Counter", "🎸 Riff", "🍣 Sushi Ops", "🐙 Octo", "Lambda", "Quantum", "Nimbus",
        "Zephyr", "Aurora", "Borealis", "Helix", "Vertex", "Cobalt", "Juniper", "Maple", "Sequoia", "Birch",
    ]
    static let companySuffixes = ["Inc.", "GmbH", "SAS", "Ltd", "S.A.", "K.K.", "AB", "B.V.", "LLC", "Sp. z o.o.", "", "Labs", "Systems", "& Co."]

    static let firstNames = ["Amélie", "José", "Søren", "Zoë", "Łukasz", "Chloé", "Björn", "Ana", "Noah", "Olivia", "Liam",
                             "Mia", "Hiroshi", "さくら", "李", "민준", "Aarav", "Fatima", "Omar", "Yael", "Nikolaj", "Grzegorz",
                             "Siobhán", "Iñaki", "Thảo", "Ölüm", "Dvořák", "Émile", "Renée", "Jürgen"]
    static let lastNames = ["Dubois", "García", "Kierkegaard", "Nowak", "Müller", "Smith", "Johnson", "Tanaka", "王",
                            "김", "Patel", "Haddad", "Levi", "O’Brien", "Ñúñez", "Nguyễn", "Öztürk", "Brontë", "Łęcki"]

    static let cities: [(city: String, state: String?, zip: String, country: String, timezone: String)] = [
        ("New York", "NY", "10001", "US", "America/New_York"), ("San Francisco", "CA", "94105", "US", "America/Los_Angeles"),
        ("Chicago", "IL", "60601", "US", "America/Chicago"), ("Denver", "CO", "80202", "US", "America/Denver"),
        ("Paris", nil, "75002", "FR", "Europe/Paris"), ("Berlin", nil, "10115", "DE", "Europe/Berlin"),
        ("Madrid", nil, "28013", "ES", "Europe/Madrid"), ("Amsterdam", nil, "1012", "NL", "Europe/Amsterdam"),
        ("London", nil, "EC1A 1BB", "GB", "Europe/London"), ("Dublin", nil, "D02", "IE", "Europe/Dublin"),
        ("Tokyo", nil, "100-0001", "JP", "Asia/Tokyo"), ("Osaka", nil, "530-0001", "JP", "Asia/Tokyo"),
        ("Kraków", nil, "30-001", "PL", "Europe/Warsaw"), ("São Paulo", "SP", "01000-000", "BR", "America/Sao_Paulo"),
        ("Montréal", "QC", "H2X", "CA", "America/Halifax"), ("Zürich", nil, "8001", "CH", "Europe/Zurich"),
    ]

    static let segments = ["smb", "mid-market", "enterprise", "startup"]
    static let streets = ["1 Rue de Rivoli", "221B Baker Street", "Unter den Linden 5", "1600 Amphitheatre Pkwy", "丸の内1-1", "Calle Mayor 3", "Karl Johans gate 1"]
}
