import CEpoll

extension Connection {
    /// Parses as many requests from the input as the current state allows. Pipelined requests are answered in order:
    /// the next head is only parsed once the previous response has been queued completely.
    func processInput() {
        guard !processing else { return }
        processing = true
        defer {
            processing = false
            compactInput()
        }
        while !isClosed {
            switch state {
            case .idle, .readingHead:
                guard inputStart < input.count else {
                    if case .readingHead = state {} else { state = .idle }
                    return
                }
                if !parseHead() { return }
            case .readingBody(let head, let progress):
                if !readBody(head: head, progress: progress) { return }
            case .webSocket:
                webSocket?.receiveBuffered()
                return
            case .handling, .streaming, .writing, .lingering, .closed:
                return
            }
        }
    }

    /// Returns true when it made progress and the loop should continue.
    private func parseHead() -> Bool {
        let result = input.withUnsafeBufferPointer { all in
            HTTPRequestParser.parseHead(UnsafeBufferPointer(rebasing: all[inputStart...]), limits: configuration.limits)
        }
        switch result {
        case .incomplete:
            if case .idle = state { state = .readingHead(since: jw_monotonic_ns()) }
            return false
        case .failed(let error):
            fail(error)
            return false
        case .complete(var head, let consumed):
            inputStart += consumed
            if shuttingDown { head.keepAlive = false }
            switch head.framing {
            case .none:
                dispatch(head: head, body: [])
            case .contentLength(let length):
                let limit = loop.server.responder.bodyLimit(for: head)
                if length > limit {
                    fail(.bodyTooLarge)
                    return false
                }
                sendContinueIfExpected(head)
                state = .readingBody(head, .length(remaining: length, body: []))
            case .chunked:
                let limit = loop.server.responder.bodyLimit(for: head)
                sendContinueIfExpected(head)
                state = .readingBody(head, .chunked(ChunkedBodyDecoder(maxBodySize: limit), body: []))
            }
            return true
        }
    }

    private func sendContinueIfExpected(_ head: HTTPRequestHead) {
        guard head.expectsContinue, inputStart >= input.count else { return }
        enqueue(Array("HTTP/1.1 100 Continue\r\n\r\n".utf8))
        flush()
    }

    private func readBody(head: HTTPRequestHead, progress: BodyProgress) -> Bool {
        switch progress {
        case .length(let remaining, var body):
            let available = min(remaining, input.count - inputStart)
            guard available > 0 else { return false }
            // Avoid a copy-on-write of `body` held in `state`.
            state = .idle
            if body.isEmpty { body.reserveCapacity(remaining) }
            body.append(contentsOf: input[inputStart..<(inputStart + available)])
            inputStart += available
            if available == remaining {
                dispatch(head: head, body: body)
                return true
            }
            state = .readingBody(head, .length(remaining: remaining - available, body: body))
            return false
        case .chunked(var decoder, var body):
            state = .idle
            let result = input.withUnsafeBufferPointer { all in
                decoder.decode(UnsafeBufferPointer(rebasing: all[inputStart...]), into: &body)
            }
            switch result {
            case .needMore(let consumed):
                inputStart += consumed
                state = .readingBody(head, .chunked(decoder, body: body))
                return false
            case .done(let consumed):
                inputStart += consumed
                dispatch(head: head, body: body)
                return true
            case .failed(let error):
                fail(error)
                return false
            }
        }
    }

    private func compactInput() {
        if inputStart >= input.count {
            input.removeAll(keepingCapacity: input.capacity <= 128 * 1024)
            inputStart = 0
        } else if inputStart > 32 * 1024 {
            input.removeFirst(inputStart)
            inputStart = 0
        }
    }

    /// Hands the request to the responder on a task that prefers this loop: it runs inline until its first suspension,
    /// and resumes here afterwards, so the common case costs no thread hop.
    private func dispatch(head: HTTPRequestHead, body: [UInt8]) {
        state = .handling
        loop.server.requestStarted()
        // Only what answering needs is kept beside the request, so the head is not copied again.
        let exchange = Exchange(head)
        let request = HTTPRequest(head: head, body: body, remoteAddress: remoteAddress)
        let responder = loop.server.responder
        Task.immediate(executorPreference: loop) {
            let response = await responder.respond(to: request)
            // Usually still on the loop (it is the task's executor); hop only when the handler left it.
            if self.loop.inLoop {
                self.send(response, for: exchange)
            } else {
                self.loop.execute { self.send(response, for: exchange) }
            }
            self.loop.server.requestFinished()
        }
    }

    /// Runs `body` with this connection on its loop thread, inline when already there.
    func onLoop(_ body: @escaping @Sendable (Connection) -> Void) {
        if loop.inLoop {
            body(self)
        } else {
            loop.execute { body(self) }
        }
    }

    /// Answers a request that could not be accepted with its status and a problem+json body, then closes.
    func fail(_ error: HTTPParseError) {
        guard !isClosed else { return }
        let body = Array(
            """
            {"type":"about:blank","title":"\(error.status.reasonPhrase)","status":\(error.status.code),"detail":"\(error.reason)"}
            """.utf8)
        var headers: HTTPHeaders = ["Content-Type": "application/problem+json"]
        if error.status == .httpVersionNotSupported { headers.add(name: "Upgrade", value: "HTTP/1.1") }
        let response = HTTPResponse(status: error.status, headers: headers, body: .bytes(body))
        state = .handling
        send(response, for: Exchange(method: .get, version: .http1_1, keepAlive: false))
    }
}
