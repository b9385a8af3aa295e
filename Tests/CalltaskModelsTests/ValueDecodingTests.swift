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
