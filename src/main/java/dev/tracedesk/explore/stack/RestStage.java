package dev.tracedesk.explore.stack;

import java.util.Objects;

/**
 * A stage of a REST API (API Gateway v1, the only kind X-Ray traces) with its tracing flag.
 *
 * @param stageArn {@code arn:<partition>:apigateway:<region>::/restapis/<id>/stages/<stage>}, the ARN sampling rules
 *                 match on
 */
public record RestStage(String apiId, String apiName, String stageName, boolean tracingEnabled, String stageArn) {
    /**
     * What the GUI says about HTTP and WebSocket APIs (API Gateway v2): X-Ray cannot trace them, so no switch is
     * offered. TraceDesk does not list them (that needs the apigatewayv2 client, which is not among its dependencies).
     */
    public static final String HTTP_API_NOTE = "HTTP and WebSocket APIs (API Gateway v2) cannot be traced by X-Ray: "
            + "only REST API stages have a tracing switch. Trace such an API from the functions behind it (Active "
            + "tracing) or move it to a REST API.";

    public RestStage {
        Objects.requireNonNull(apiId, "apiId");
        Objects.requireNonNull(stageName, "stageName");
        apiName = apiName == null ? "" : apiName;
        stageArn = stageArn == null ? "" : stageArn;
    }

    /** {@code <api name>/<stage>}: the stage segment's name and its sampling-rule service name. */
    public String serviceName() {
        return apiName + "/" + stageName;
    }
}
