import AsyncHTTPClient
import CalltaskClient

/// Runs `body` with a fresh `HTTPClient` configured as the CLI configures it, shut down afterwards.
enum HTTPClientRunner {
    static func run<T: Sendable>(connectTimeoutSeconds: Double = 10, _ body: (HTTPClient) async throws -> T) async throws -> T {
        try await HTTPClient.withHTTPClient(
            configuration: APIClient.httpClientConfiguration(connectTimeoutSeconds: connectTimeoutSeconds), body)
    }
}
