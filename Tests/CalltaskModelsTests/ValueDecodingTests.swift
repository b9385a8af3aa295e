import CalltaskModels
import Foundation
import Testing

/// The small value types that every spec and every live task decodes many times.
struct ValueDecodingTests {
    @Test("clock times: H:MM and HH:MM, optional :00 seconds, 24:00 as the end of a day", arguments: [
        ("9:00", 540), ("09:00", 540), ("00:00", 0), ("23:59", 1439), ("24:00", 1440), ("09:30:00", 570),
    ])
    func clockTimes(text: String, minutes: Int) {
        #expect(ClockTime(text)?.minutes == minutes)
    }

    @Test("clock times that are not one are rejected", arguments: [
        "", "9", "9:0", "009:00", "09:000", "24:01", "25:00", "09:60", "09:30:01", "09:30:0", "09:30:00:00",
        "+9:00", "-0:00", " 9:00", "9 :00", "٩:٠٠", "09:3O", "::",
        // Long runs of digits in any field (once an arithmetic overflow, found by FuzzListPage).
        String(repeating: "9", count: 40) + ":00", "09:" + String(repeating: "9", count: 40),
        "09:00:" + String(repeating: "9", count: 40),
    ])
    func notClockTimes(text: String) {
        #expect(ClockTime(text) == nil)
    }

    @Test("in a spec (SpecInput) quoted numbers, flags and times with seconds are refused; ids stay lenient")
    func specInput() throws {
        struct Holder: Decodable {
            var mode: PopMode?, flag: Flag?, bool: LenientBool?, time: ClockTime?, id: LenientInt?
        }
        func decode(_ json: String, spec: Bool) throws -> Holder {
            let decoder = JSONDecoder()
            if spec { decoder.userInfo[SpecInput.userInfoKey] = true }
            return try decoder.decode(Holder.self, from: Data(json.utf8))
        }
        for json in [#"{"mode": "2"}"#, #"{"flag": "false"}"#, #"{"bool": "1"}"#, #"{"time": "09:00:00"}"#] {
            #expect(throws: DecodingError.self, "\(json)") { try decode(json, spec: true) }
            #expect((try? decode(json, spec: false)) != nil, "the platform's JSON keeps its leniency: \(json)")
        }
        do {
            _ = try decode(#"{"mode": "2"}"#, spec: true)
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "expected a pop_mode, found the quoted text '2'")
            #expect((context.underlyingError as? DecodingHint)?.description == "remove the quotes: quoted values are text")
        }
        let plain = try decode(#"{"mode": "reverse", "flag": 0, "bool": true, "time": "09:00", "id": "102"}"#, spec: true)
        #expect(plain.mode == .reverse && plain.flag == false && plain.bool == true && plain.id == 102)
        #expect(try decode(#"{"mode": 2}"#, spec: true).mode == .reverse)
    }

    @Test("a coded value decodes from its name or its number, in JSON as in YAML")
    func codedValues() throws {
        struct Holder: Decodable { var mode: PopMode }
        func decode(_ json: String) throws -> PopMode {
            try JSONDecoder().decode(Holder.self, from: Data("{\"mode\": \(json)}".utf8)).mode
        }
        #expect(try decode("\"sequential\"") == .sequential)
        #expect(try decode("1") == .sequential)
        #expect(try decode("\"2\"") == .reverse, "a number sent as text is the number")
        #expect(throws: DecodingError.self) { try decode("7") }
        #expect(throws: DecodingError.self) { try decode("\"sequental\"") }
        do {
            _ = try decode("7")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription.hasPrefix("7 is not a valid pop_mode"))
        }
    }
}
