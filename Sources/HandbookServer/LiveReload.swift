import FlyingFox
import Foundation
import HandbookKit

/// The script `serve` adds to every HTML page it sends (never to `Output/`):
/// it listens on a WebSocket, reloads the page after a newer build, and shows
/// the diagnostics of a failed build over the page until the file is fixed, and
/// the warnings of a build that worked, folded in a corner.
enum LiveReload {
    static let scriptPath = "__handbook/live.js"
    static let eventsPath = "/__handbook/events"

    /// Adds the script before `</body>`, tagged with the build it belongs to.
    static func inject(into html: [UInt8], generation: Int) -> [UInt8] {
        let tag = Array("<script src=\"/\(scriptPath)\" data-generation=\"\(generation)\"></script>\n".utf8)
        let marker = Array("</body>".utf8)
        guard html.count >= marker.count else { return html + tag }
        var index = html.count - marker.count
        while index >= 0 {
            if html[index] == marker[0] && Array(html[index..<index + marker.count]) == marker {
                return Array(html[..<index]) + tag + Array(html[index...])
            }
            index -= 1
        }
        return html + tag
    }

    static func message(for state: LiveSite.State) -> String {
        struct Message: Encodable {
            var generation: Int
            var failed: Bool
            var diagnostics: [String]
        }
        let message = Message(
            generation: state.generation, failed: state.failed,
            diagnostics: state.diagnostics.sortedForDisplay().filter { state.failed ? $0.severity == .error : true }
                .map(\.description))
        let data = (try? JSONEncoder().encode(message)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    static let script = #"""
        // Live reload for `handbook serve`. Not part of the published site.
        (function () {
          "use strict";
          var generation = Number(document.currentScript.dataset.generation);
          var overlay = null;

          var notes = null;

          // A build that worked may still have dropped or ignored something (raw HTML,
          // another tool's template tags, a missing translation): a folded list, not an alert.
          function showWarnings(state) {
            if (notes) { notes.remove(); notes = null; }
            if (state.failed || !state.diagnostics.length) return;
            notes = document.createElement("details");
            notes.id = "handbook-build-warnings";
            notes.style.cssText = "position:fixed;right:.75rem;bottom:.75rem;max-width:min(60rem,calc(100vw - 1.5rem));max-height:50vh;" +
              "overflow:auto;z-index:2147483646;padding:.5rem .9rem;background:#2b2411;color:#fff6dc;border:2px solid #e0b341;" +
              "border-radius:.4rem;font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 4px 16px rgba(0,0,0,.3)";
            var summary = document.createElement("summary");
            var count = state.diagnostics.length;
            summary.textContent = count + (count === 1 ? " warning" : " warnings") + " in this build";
            notes.appendChild(summary);
            var list = document.createElement("pre");
            list.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap";
            list.textContent = state.diagnostics.join("\n");
            notes.appendChild(list);
            document.body.appendChild(notes);
          }

          function show(state) {
            showWarnings(state);
            if (!state.failed) {
              if (overlay) { overlay.remove(); overlay = null; }
              return;
            }
            if (!overlay) {
              overlay = document.createElement("div");
              overlay.id = "handbook-build-error";
              overlay.setAttribute("role", "alert");
              overlay.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;" +
                "margin:0;padding:1rem 1.25rem;background:#2b1114;color:#ffe9ea;border-top:4px solid #ff6b72;" +
                "font:14px/1.5 ui-monospace,Menlo,Consolas,monospace;box-shadow:0 -8px 24px rgba(0,0,0,.35)";
              document.body.appendChild(overlay);
            }
            overlay.textContent = "";
            var title = document.createElement("strong");
            title.textContent = "The last change does not build. This page shows the last good version.";
            overlay.appendChild(title);
            var list = document.createElement("pre");
            list.style.cssText = "margin:.5rem 0 0;white-space:pre-wrap";
            list.textContent = state.diagnostics.join("\n");
            overlay.appendChild(list);
          }

          function connect() {
            var scheme = location.protocol === "https:" ? "wss://" : "ws://";
            var socket = new WebSocket(scheme + location.host + "/__handbook/events");
            socket.onmessage = function (event) {
              var state = JSON.parse(event.data);
              if (state.generation !== generation) { location.reload(); return; }
              show(state);
            };
            socket.onclose = function () { setTimeout(connect, 500); };
          }
          connect();
        })();
        """#
}

/// Sends every open page the state of each build as it happens.
struct ReloadMessages: WSMessageHandler {
    let site: LiveSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let updates = await site.updates()
        return AsyncStream { continuation in
            let sender = Task {
                for await state in updates { continuation.yield(.text(LiveReload.message(for: state))) }
                continuation.finish()
            }
            // When the page goes away, stop listening to builds.
            let receiver = Task {
                for await _ in client {}
                sender.cancel()
                continuation.finish()
            }
            continuation.onTermination = { _ in
                sender.cancel()
                receiver.cancel()
            }
        }
    }
}
