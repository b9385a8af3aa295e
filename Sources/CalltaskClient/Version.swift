/// The version of `calltask`, sent as `User-Agent: calltask/<version>` on every request.
public let calltaskVersion = "0.1.0"
