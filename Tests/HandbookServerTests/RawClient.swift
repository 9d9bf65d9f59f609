import Foundation

/// A deliberately dumb HTTP/1.1 client on a POSIX socket: it sends exactly the
/// bytes it is given, so traversal probes reach the server unnormalised.
struct RawClient {
    let port: UInt16

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: Data
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct Failure: Error, CustomStringConvertible { var description: String }

    func connect() throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else { close(fd); throw Failure(description: "connect: \(errno)") }
        return fd
    }

    func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Foundation.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    func receive(_ fd: Int32, count: Int) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        let read = recv(fd, &buffer, count, 0)
        return read > 0 ? Array(buffer[..<read]) : []
    }

    /// Sends one request with `Connection: close` and reads the whole answer.
    func request(_ target: String, method: String = "GET", host: String? = nil,
                 headers: [String: String] = [:]) throws -> Response {
        let fd = try connect()
        defer { close(fd) }
        var text = "\(method) \(target) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
        for (name, value) in headers { text += "\(name): \(value)\r\n" }
        send(fd, text + "\r\n")
        var data: [UInt8] = []
        while true {
            let chunk = receive(fd, count: 65536)
            if chunk.isEmpty { break }
            data += chunk
            if let response = Self.parse(data), response.body.count >= Int(response.headers["content-length"] ?? "0") ?? 0 {
                return response
            }
        }
        guard let response = Self.parse(data) else { throw Failure(description: "no response to \(target)") }
        return response
    }

    static func parse(_ data: [UInt8]) -> Response? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = data.indices.dropLast(3).first(where: { Array(data[$0..<$0 + 4]) == separator }) else { return nil }
        let head = String(decoding: data[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.split(separator: " ").count >= 2,
              let status = Int(statusLine.split(separator: " ")[1]) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: Data(data[(end + 4)...]))
    }

    /// A WebSocket to the live-reload endpoint; `next()` returns each text message.
    final class Socket {
        let fd: Int32
        let client: RawClient
        private var buffer: [UInt8] = []

        init(client: RawClient, path: String) throws {
            self.client = client
            fd = try client.connect()
            client.send(fd, """
                GET \(path) HTTP/1.1\r
                Host: 127.0.0.1:\(client.port)\r
                Upgrade: websocket\r
                Connection: Upgrade\r
                Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r
                Sec-WebSocket-Version: 13\r
                \r

                """)
            while RawClient.parse(buffer) == nil {
                let chunk = client.receive(fd, count: 4096)
                if chunk.isEmpty { throw Failure(description: "no handshake") }
                buffer += chunk
            }
            let head = RawClient.parse(buffer)!
            guard head.status == 101 else { throw Failure(description: "handshake status \(head.status)") }
            buffer = Array(head.body)
        }

        deinit { close(fd) }

        private func take(_ count: Int) throws -> [UInt8] {
            while buffer.count < count {
                let chunk = client.receive(fd, count: 65536)
                if chunk.isEmpty { throw Failure(description: "socket closed or timed out") }
                buffer += chunk
            }
            defer { buffer.removeFirst(count) }
            return Array(buffer[..<count])
        }

        func next() throws -> String {
            while true {
                let header = try take(2)
                var length = Int(header[1] & 0x7F)
                if length == 126 { length = try take(2).reduce(0) { $0 << 8 | Int($1) } }
                if length == 127 { length = try take(8).reduce(0) { $0 << 8 | Int($1) } }
                let payload = try take(length)
                if header[0] & 0x0F == 1 { return String(decoding: payload, as: UTF8.self) }
            }
        }
    }
}
