import Foundation
import Hummingbird
import Rapport
import RapportLog

/// `GET /health` (open to all), `GET /verify` (the integrity report and the chain head) and `POST /snapshots`
/// (take one now).
struct OperationRoutes {
    let engine: Engine

    /// Health: the log's end, the chain head and how far the read models lag behind the log.
    struct Health: Encodable {
        var status: String
        var endPosition: UInt64
        var projectionLag: UInt64
    }

    func addHealth(to router: Router<ServerContext>) {
        router.get("health") { _, _ in
            try JSONResponse.make(
                Health(status: "ok", endPosition: engine.log.endPosition, projectionLag: engine.projectionLag)
            )
        }
    }

    func addVerify(to router: RouterGroup<ServerContext>) {
        router.get("verify") { _, _ in
            let directory = engine.log.directory
            let report = try LogVerifier(directory: directory).verify()
            return JSONResponse.text(VerificationOutput.json(report, directory: directory))
        }
    }

    func addSnapshots(to router: RouterGroup<ServerContext>) {
        router.post("snapshots") { _, _ in
            let header = try await engine.takeSnapshot()
            return try JSONResponse.make(["position": header.position], status: .created)
        }
    }
}
