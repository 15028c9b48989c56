package dev.tracedesk.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** PutTelemetryRecords (spec §2.12): validated and summed, so a real daemon pointed at the sandbox can report health. */
public final class TelemetryLog {
    private long records;
    private long segmentsReceived;
    private long segmentsRejected;

    public synchronized JsonNode put(Request req) {
        List<JsonNode> list = req.requiredList("TelemetryRecords", Integer.MAX_VALUE);
        req.optionalString("EC2InstanceId", 0, 20);
        req.optionalString("Hostname", 0, 255);
        req.optionalString("ResourceARN", 0, 500);
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String m = "telemetryRecords." + (i + 1);
            if (!r.isObject()) throw Request.validation(m, r, "Member must be a structure");
            if (Request.timeOf(r.get("Timestamp"), m + ".timestamp") == null) {
                throw Request.validation(m + ".timestamp", null, "Member must not be null");
            }
            Integer received = Request.intOf(r.get("SegmentsReceivedCount"), m + ".segmentsReceivedCount", 0, Integer.MAX_VALUE);
            Integer rejected = Request.intOf(r.get("SegmentsRejectedCount"), m + ".segmentsRejectedCount", 0, Integer.MAX_VALUE);
            Request.intOf(r.get("SegmentsSentCount"), m + ".segmentsSentCount", 0, Integer.MAX_VALUE);
            Request.intOf(r.get("SegmentsSpilloverCount"), m + ".segmentsSpilloverCount", 0, Integer.MAX_VALUE);
            JsonNode errors = r.get("BackendConnectionErrors");
            if (errors != null && !errors.isNull() && !errors.isObject()) {
                throw Request.validation(m + ".backendConnectionErrors", errors, "Member must be a structure");
            }
            records++;
            segmentsReceived += received == null ? 0 : received;
            segmentsRejected += rejected == null ? 0 : rejected;
        }
        return Json.object();
    }

    public synchronized ObjectNode totals() {
        return Json.object().put("records", records).put("segmentsReceived", segmentsReceived)
                .put("segmentsRejected", segmentsRejected);
    }
}
