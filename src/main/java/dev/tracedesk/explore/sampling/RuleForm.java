package dev.tracedesk.explore.sampling;

/**
 * A rule as typed into the editor, every field still text. {@link RuleValidator} turns it into a
 * {@link SamplingRule} or says, per field, what is wrong. {@code attributes} is {@code key=value} pairs separated by
 * commas.
 */
public record RuleForm(String name, String priority, String reservoir, String fixedRate, String serviceName,
        String serviceType, String host, String httpMethod, String urlPath, String resourceArn, String attributes) {

    /** What "New rule" starts from: matches everything, like X-Ray's console. */
    public static RuleForm blank() {
        return new RuleForm("", "1000", "1", "0.05", "*", "*", "*", "*", "*", "*", "");
    }

    public static RuleForm of(SamplingRule rule) {
        StringBuilder attrs = new StringBuilder();
        rule.attributes().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
            if (attrs.length() > 0) {
                attrs.append(", ");
            }
            attrs.append(e.getKey()).append('=').append(e.getValue());
        });
        return new RuleForm(rule.name(), Integer.toString(rule.priority()), Integer.toString(rule.reservoirSize()),
                RuleFormat.rate(rule.fixedRate()), rule.serviceName(), rule.serviceType(), rule.host(),
                rule.httpMethod(), rule.urlPath(), rule.resourceArn(), attrs.toString());
    }
}
