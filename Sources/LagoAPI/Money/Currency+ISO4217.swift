extension Currency {
    /// Symbols shown in front of amounts. Only currencies whose symbol is unambiguous in a
    /// billing context are listed: "$" means USD here, other dollars show their code.
    static let symbols: [String: String] = [
        "USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹", "KRW": "₩",
    ]

    /// ISO 4217 codes with their minor units. Current codes, plus retired codes that Lago's
    /// currency list still accepts (HRK, MRO, SLL, STD, …) so their amounts format correctly.
    static let iso4217: [String: Int] = {
        var table: [String: Int] = [:]
        let twoDecimals = """
            AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BOV BRL BSD BTN BWP BYN \
            BZD CAD CDF CHE CHF CHW CNY COP COU CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP \
            GBP GEL GHS GIP GMD GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT \
            LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MRO MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN \
            NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL \
            SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD USN UYU UZS VED VES \
            WST XCD XCG YER ZAR ZMW ZWG ZWL
            """
        for code in twoDecimals.split(separator: " ") { table[String(code)] = 2 }
        for code in "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF".split(separator: " ") {
            table[String(code)] = 0
        }
        for code in "BHD IQD JOD KWD LYD OMR TND".split(separator: " ") { table[String(code)] = 3 }
        for code in "CLF UYW".split(separator: " ") { table[String(code)] = 4 }
        return table
    }()
}
