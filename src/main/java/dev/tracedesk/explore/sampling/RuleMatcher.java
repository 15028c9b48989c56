package dev.tracedesk.explore.sampling;

import dev.tracedesk.xray.sampling.Wildcard;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * "Which rule would sample this request?" with the X-Ray SDKs' semantics (spec §8.2, Java {@code CentralizedRule}):
 * rules are tried by ascending priority (ties by name), Default last; a rule matches when its service name, service
 * type, host, HTTP method and URL path all match the request with {@link Wildcard}. The SDKs only use rules whose
 * ResourceARN is {@code *} and that have no attributes, so such rules are passed over (and reported as skipped).
 * A request property left blank is the empty string, which only {@code *} matches (as in the Java SDK).
 */
public final class RuleMatcher {

    /** A request as an instrumented service sees it; blank parts are unknown. */
    public record Request(String serviceName, String serviceType, String host, String httpMethod, String urlPath) {
        public Request {
            serviceName = blankIfNull(serviceName);
            serviceType = blankIfNull(serviceType);
            host = blankIfNull(host);
            httpMethod = blankIfNull(httpMethod);
            urlPath = blankIfNull(urlPath);
        }
    }

    /** Why an SDK passes over a rule without trying it. */
    public enum SkipReason { RESOURCE_ARN, ATTRIBUTES }

    public record Skipped(SamplingRule rule, SkipReason reason) {}

    /** The deciding rule (empty only if the list had no Default and nothing matched) and the rules passed over. */
    public record Result(Optional<SamplingRule> rule, List<Skipped> skipped) {}

    private RuleMatcher() {
    }

    public static Result match(List<SamplingRule> rules, Request request) {
        List<SamplingRule> ordered = new ArrayList<>(rules);
        ordered.sort((a, b) -> a.isDefault() != b.isDefault() ? Boolean.compare(a.isDefault(), b.isDefault())
                : SamplingRule.EVALUATION_ORDER.compare(a, b));
        List<Skipped> skipped = new ArrayList<>();
        for (SamplingRule rule : ordered) {
            if (!"*".equals(rule.resourceArn())) {
                skipped.add(new Skipped(rule, SkipReason.RESOURCE_ARN));
                continue;
            }
            if (!rule.attributes().isEmpty()) {
                skipped.add(new Skipped(rule, SkipReason.ATTRIBUTES));
                continue;
            }
            if (matches(rule, request)) {
                return new Result(Optional.of(rule), List.copyOf(skipped));
            }
        }
        return new Result(Optional.empty(), List.copyOf(skipped));
    }

    /** Whether every matcher of {@code rule} matches {@code request} (ResourceARN and attributes not considered). */
    public static boolean matches(SamplingRule rule, Request request) {
        return Wildcard.matches(rule.serviceName(), request.serviceName())
                && Wildcard.matches(rule.serviceType(), request.serviceType())
                && Wildcard.matches(rule.host(), request.host())
                && Wildcard.matches(rule.httpMethod(), request.httpMethod())
                && Wildcard.matches(rule.urlPath(), request.urlPath());
    }

    private static String blankIfNull(String s) {
        return s == null ? "" : s.trim();
    }
}
