package dev.tracedesk.shop.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tracedesk.shop.AwsCalls;
import dev.tracedesk.shop.FunctionEnvironment;
import dev.tracedesk.shop.Invocation;
import dev.tracedesk.shop.ShopBackend;
import dev.tracedesk.shop.ShopFunction;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs a shop handler in AWS Lambda's Java runtime. The runtime creates one instance per execution environment (the
 * constructor is the init phase: SDK clients, handler init) and calls {@link #handleRequest} per invocation. The
 * handler's AWS calls are recorded as subsegments and, when Lambda sampled the invocation, sent to Lambda's X-Ray
 * daemon under the function segment, as the X-Ray SDK does inside Lambda (spec §7.1: no segment of its own; the
 * parent is the {@code Parent} of the trace header). With {@code Sampled=0} nothing is recorded or sent.
 */
public abstract class LambdaEntry {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The Java runtime sets the invocation's trace header here (environment variables cannot change per call). */
    static final String TRACE_PROPERTY = "com.amazonaws.xray.traceHeader";

    private final ShopFunction function;
    private final ShopBackend backend;
    private final SegmentSender sender;
    private final Supplier<String> traceHeader;
    private final String region;
    private final PrintStream log;

    /** In Lambda: configuration from the environment, SDK clients, the daemon at AWS_XRAY_DAEMON_ADDRESS. */
    protected LambdaEntry(ShopFunction function) {
        this(function, System.getenv(), SdkShopBackend.fromEnvironment(),
                UdpSegmentSender.fromAddress(System.getenv("AWS_XRAY_DAEMON_ADDRESS")), LambdaEntry::runtimeTraceHeader,
                System.out);
    }

    /** For tests and other hosts: everything injected. Initialises the handler (Lambda's init phase). */
    protected LambdaEntry(ShopFunction function, Map<String, String> environment, ShopBackend backend,
                          SegmentSender sender, Supplier<String> traceHeader, PrintStream log) {
        this.function = Objects.requireNonNull(function, "function");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.sender = Objects.requireNonNull(sender, "sender");
        this.traceHeader = Objects.requireNonNull(traceHeader, "traceHeader");
        this.log = Objects.requireNonNull(log, "log");
        this.region = environment.getOrDefault("AWS_REGION", ShopBackend.REGION);
        String name = environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", getClass().getSimpleName());
        try {
            function.init(new FunctionEnvironment() {
                @Override
                public String functionName() {
                    return name;
                }

                @Override
                public Map<String, String> variables() {
                    return environment;
                }

                @Override
                public void log(String line) {
                    log.println(line);
                }
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("initialisation of " + name + " failed: " + e.getMessage(), e);
        }
    }

    static String runtimeTraceHeader() {
        String header = System.getProperty(TRACE_PROPERTY);
        return header != null && !header.isBlank() ? header : System.getenv("_X_AMZN_TRACE_ID");
    }

    /** The Lambda handler: the event JSON in, the handler's JSON result out. Throwing is a function error. */
    public void handleRequest(InputStream input, OutputStream output, Context context) throws Exception {
        TraceContext trace = TraceContext.parse(traceHeader.get());
        AwsCalls calls = new AwsCalls(backend, trace.root(), trace.sampled() && trace.parent() != null, region);
        String requestId = context == null ? "" : context.getAwsRequestId();
        Invocation invocation = new Invocation() {
            @Override
            public String requestId() {
                return requestId;
            }

            @Override
            public void log(String message) {
                // The runtime-line shape Lambda's own runtimes print, so trace-to-logs finds it by request id.
                log.println(Instant.now() + "\t" + requestId + "\tINFO\t" + message);
            }

            @Override
            public String traceHeader() {
                return trace.header();
            }

            @Override
            public AwsCalls aws() {
                return calls;
            }

            @Override
            public long remainingMillis() {
                return context == null ? Long.MAX_VALUE : context.getRemainingTimeInMillis();
            }
        };
        JsonNode event = JSON.readTree(input);
        try {
            JsonNode result = function.handle(event == null ? JSON.nullNode() : event, invocation);
            output.write(JSON.writeValueAsBytes(result));
        } finally {
            // Before the response leaves: Lambda may freeze the environment right after.
            send(trace, calls.recorded());
        }
    }

    private void send(TraceContext trace, List<ObjectNode> subsegments) {
        for (ObjectNode sub : subsegments) {
            ObjectNode document = sub.deepCopy();
            document.put("trace_id", trace.root()).put("parent_id", trace.parent()).put("type", "subsegment");
            sender.send(document.toString());
        }
    }
}
