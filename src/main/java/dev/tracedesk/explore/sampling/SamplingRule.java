package dev.tracedesk.explore.sampling;

import java.util.Comparator;
import java.util.Map;
import java.util.Objects;

/**
 * One X-Ray sampling rule as the explorer reads and writes it (spec §2.8). {@code reservoirSize} is requests per
 * second, {@code fixedRate} a fraction 0..1. The {@code Default} rule has priority 10000 and only its rate and
 * reservoir can change.
 */
public record SamplingRule(String name, String arn, int priority, double fixedRate, int reservoirSize,
        String serviceName, String serviceType, String host, String httpMethod, String urlPath, String resourceArn,
        Map<String, String> attributes) {

    public static final String DEFAULT_NAME = "Default";
    public static final int DEFAULT_PRIORITY = 10000;

    /** The order X-Ray evaluates rules in: ascending priority, then name (as the Java SDK breaks ties). */
    public static final Comparator<SamplingRule> EVALUATION_ORDER =
            Comparator.comparingInt(SamplingRule::priority).thenComparing(SamplingRule::name);

    public SamplingRule {
        Objects.requireNonNull(name, "name");
        arn = arn == null ? "" : arn;
        serviceName = orStar(serviceName);
        serviceType = orStar(serviceType);
        host = orStar(host);
        httpMethod = orStar(httpMethod);
        urlPath = orStar(urlPath);
        resourceArn = orStar(resourceArn);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    public boolean isDefault() {
        return DEFAULT_NAME.equals(name);
    }

    private static String orStar(String s) {
        return s == null ? "*" : s;
    }
}
