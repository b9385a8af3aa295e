import Foundation
public import Hummingbird
public import Logging
import NIOCore
import ServiceLifecycle

/// A local simulator of the platform's task API (seed 000, seed 001, facts §2), for the demo, the
/// tests and the benchmarks.
///
/// Routes (`{user_id}` must be `SimulatorOptions.userId`; every call needs `Authorization: Bearer <token>`):
///
/// | call | route |
/// | --- | --- |
/// | list | `GET /agent-api/new/user/{user_id}/task` |
/// | create | `POST /agent-api/new/user/{user_id}/task` |
/// | detail | `GET /agent-api/new/user/{user_id}/task/{task_id}/edit` |
/// | update | `PUT /agent-api/new/user/{user_id}/task/{task_id}` |
/// | pause | `PUT /agent-api/new/user/{user_id}/task_stop/{task_id}` |
/// | resume | `SimulatorOptions.resumePath`, by default `PUT /agent-api/new/user/{user_id}/task_start/{task_id}` |
/// | request log | `GET /_sim/log`, `DELETE /_sim/log` (no auth, no faults) |
/// | every task, detail shape | `GET /_sim/tasks` |
/// | last update body of a task | `GET /_sim/put/{task_id}` |
/// | every create body | `GET /_sim/create` |
/// | hold one call | `POST /_sim/hold`, `GET /_sim/hold`, `GET /_sim/hold/wait`, `POST /_sim/release` |
///
/// (`SimulatorControlRoutes` documents the `/_sim` routes.)
///
/// In-process use, from a test:
///
/// ```swift
/// let simulator = Simulator(options: SimulatorOptions())          // the built-in DefaultTasks
/// let result = try await simulator.withRunningServer { port in
///     // point the client at http://127.0.0.1:\(port), token SimulatorOptions.defaultToken,
///     // user id SimulatorOptions.defaultUserId
///     try await runSomething(baseURL: "http://127.0.0.1:\(port)")
/// }
/// #expect(await simulator.log.kinds() == [.list, .detail, .pause, .update, .resume])
/// #expect(await simulator.store.task(id: DefaultTasks.springSaleId)?.isEnabled == true)
/// ```
///
/// Or without a socket, through HummingbirdTesting: `try await simulator.buildApplication().test(.router) { client in … }`.
public final class Simulator: Sendable {
    /// How the simulator behaves.
    public let options: SimulatorOptions
    /// The tasks it serves.
    public let store: TaskStore
    /// Every `/agent-api` call it answered.
    public let log: RequestLog
    /// The logger handed to Hummingbird (level `.warning` unless given).
    public let logger: Logger
    /// The one-shot hold on a chosen call (`POST /_sim/hold` arms it over HTTP).
    public let hold: CallHold
    private let faults: FaultInjector

    /// A simulator serving `tasks`, or the built-in `DefaultTasks` when `nil`.
    public init(options: SimulatorOptions = SimulatorOptions(), tasks: [SimTask]? = nil, logger: Logger? = nil) {
        self.options = options
        self.store = TaskStore(tasks: tasks ?? DefaultTasks.all(userId: options.userId), dialerTime: options.dialerTime,
                               uuidSeed: options.faults.seed)
        self.log = RequestLog()
        self.hold = CallHold()
        self.faults = FaultInjector(options: options.faults)
        self.logger = logger ?? {
            var logger = Logger(label: "calltask-sim")
            logger.logLevel = .warning
            return logger
        }()
    }

    /// The built-in task set (`DefaultTasks.all()`), owned by the default user id.
    public static func defaultTasks() -> [SimTask] { DefaultTasks.all() }

    /// The router with every route (see the type's table).
    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        let gateway = APIGateway(api: TaskAPI(store: store, log: log, options: options), faults: faults, hold: hold, options: options)
        let userBase = "/agent-api/new/user/:user_id"
        router.get("\(userBase)/task") { request, context in
            await gateway.handle(request, context: context, kind: .list)
        }
        router.post("\(userBase)/task") { request, context in
            await gateway.handle(request, context: context, kind: .create)
        }
        router.get("\(userBase)/task/:task_id/edit") { request, context in
            await gateway.handle(request, context: context, kind: .detail)
        }
        router.put("\(userBase)/task/:task_id") { request, context in
            await gateway.handle(request, context: context, kind: .update)
        }
        router.put("\(userBase)/task_stop/:task_id") { request, context in
            await gateway.handle(request, context: context, kind: .pause)
        }
        router.put(RouterPath(Self.routePath(options.resumePath))) { request, context in
            await gateway.handle(request, context: context, kind: .resume)
        }
        // Every other call under /agent-api is answered (404 envelope) and logged as `.other`: also
        // another method on a known path, which the router would otherwise answer with an empty 404.
        let resume = Self.routePath(options.resumePath)
        let known: [(path: String, methods: Set<HTTPRequest.Method>)] = [
            ("/agent-api/**", []), ("\(userBase)/task", [.get, .post]), ("\(userBase)/task/:task_id/edit", [.get]),
            ("\(userBase)/task/:task_id", [.put]), ("\(userBase)/task_stop/:task_id", [.put]), (resume, [.put]),
        ]
        for (path, handled) in known {
            for method in [HTTPRequest.Method.get, .put, .post, .delete, .patch] where !handled.contains(method) {
                router.on(RouterPath(path), method: method) { request, context in
                    await gateway.handle(request, context: context, kind: .other)
                }
            }
        }
        SimulatorControlRoutes(store: store, log: log, hold: hold).register(on: router)
        return router
    }

    /// The Hummingbird application serving `buildRouter()`, on `host`:`port` (loopback by default).
    public func buildApplication(
        host: String = "127.0.0.1", port: Int = 0,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        Application(
            router: buildRouter(),
            configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) },
            logger: logger
        )
    }

    /// Runs the server on 127.0.0.1 with a port the OS chooses, calls `body` with that port once it
    /// accepts connections, then shuts the server down (also when `body` throws) and returns what
    /// `body` returned.
    public func withRunningServer<T: Sendable>(_ body: @Sendable (Int) async throws -> T) async throws -> T {
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        let app = buildApplication(host: "127.0.0.1", port: 0) { port in
            portContinuation.yield(port)
            portContinuation.finish()
        }
        let serviceGroup = ServiceGroup(services: [app], gracefulShutdownSignals: [], cancellationSignals: [], logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await serviceGroup.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else {
                group.cancelAll()
                throw SimulatorError.serverDidNotStart
            }
            let outcome: Result<T, any Error>
            do {
                outcome = .success(try await body(port))
            } catch {
                outcome = .failure(error)
            }
            // Graceful shutdown lets answers in flight finish; idle keep-alive connections are closed.
            // Whatever is still open after a short grace period is cancelled.
            await serviceGroup.triggerGracefulShutdown()
            group.addTask {
                try? await Task.sleep(for: .seconds(2))
                throw CancellationError()
            }
            _ = try? await group.next()
            group.cancelAll()
            return try outcome.get()
        }
    }

    /// `/a/{user_id}/b/{task_id}` → `/a/:user_id/b/:task_id` (Hummingbird's parameter syntax).
    static func routePath(_ template: String) -> String {
        template.replacingOccurrences(of: "{user_id}", with: ":user_id")
            .replacingOccurrences(of: "{task_id}", with: ":task_id")
    }
}

/// Why the simulator could not serve.
public enum SimulatorError: Error, CustomStringConvertible {
    /// The server stopped before it reported its port.
    case serverDidNotStart

    public var description: String {
        switch self {
        case .serverDidNotStart: "the simulator's server stopped before it started listening"
        }
    }
}
