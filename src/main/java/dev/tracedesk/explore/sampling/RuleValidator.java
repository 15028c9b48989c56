package dev.tracedesk.explore.sampling;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a typed rule against X-Ray's limits before any request is made (spec §2.8, §8.5): name 1–32 characters of
 * letters, digits, '-' and '_' and never "Default"; priority 1–9999; reservoir a whole number ≥ 0; rate 0–1; the
 * matchers within their lengths, using only the wildcards '*' and '?'; at most 5 attributes of 1–32 characters.
 * For the Default rule only the reservoir and the rate are checked, as they are all X-Ray lets one change.
 */
public final class RuleValidator {

    /** The outcome: either a rule, or the problems per field (in form order). */
    public record Result(Optional<SamplingRule> rule, Map<RuleField, String> errors) {
        public boolean isValid() {
            return errors.isEmpty();
        }
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z*?]{1,10}");
    private static final int MAX_ATTRIBUTES = 5;

    private RuleValidator() {
    }

    /** Validates {@code form}; {@code existing} is the rule being edited (empty for a new one). */
    public static Result validate(RuleForm form, Optional<SamplingRule> existing) {
        Map<RuleField, String> errors = new EnumMap<>(RuleField.class);
        boolean isDefault = existing.map(SamplingRule::isDefault).orElse(false);
        Integer reservoir = wholeNumber(form.reservoir(), 0, Integer.MAX_VALUE, RuleField.RESERVOIR,
                "The reservoir is a whole number of requests per second, 0 or more.", errors);
        Double rate = rate(form.fixedRate(), errors);
        if (isDefault) {
            SamplingRule d = existing.get();
            return result(errors, () -> new SamplingRule(d.name(), d.arn(), d.priority(), rate, reservoir,
                    d.serviceName(), d.serviceType(), d.host(), d.httpMethod(), d.urlPath(), d.resourceArn(),
                    d.attributes()));
        }
        String name = trim(form.name());
        if (existing.isPresent() && !existing.get().name().equals(name)) {
            errors.put(RuleField.NAME, "A rule cannot be renamed; create a new rule instead.");
        } else if (name.equalsIgnoreCase(SamplingRule.DEFAULT_NAME)) {
            errors.put(RuleField.NAME, "\"Default\" is the name of X-Ray's own rule.");
        } else if (name.isEmpty()) {
            errors.put(RuleField.NAME, "Give the rule a name.");
        } else if (name.length() > 32) {
            errors.put(RuleField.NAME, "A rule name has at most 32 characters (this one has " + name.length() + ").");
        } else if (!NAME.matcher(name).matches()) {
            errors.put(RuleField.NAME, "A rule name may only use letters, digits, '-' and '_'.");
        }
        Integer priority = wholeNumber(form.priority(), 1, 9999, RuleField.PRIORITY,
                "The priority is a whole number from 1 to 9999 (lower is evaluated first).", errors);
        String service = pattern(form.serviceName(), 64, RuleField.SERVICE_NAME, errors);
        String type = pattern(form.serviceType(), 64, RuleField.SERVICE_TYPE, errors);
        String host = pattern(form.host(), 64, RuleField.HOST, errors);
        String method = pattern(form.httpMethod(), 10, RuleField.HTTP_METHOD, errors);
        if (method != null && !METHOD.matcher(method).matches()) {
            errors.put(RuleField.HTTP_METHOD, "An HTTP method is letters, '*' or '?', such as GET or PO*.");
        }
        String path = pattern(form.urlPath(), 128, RuleField.URL_PATH, errors);
        String arn = pattern(form.resourceArn(), 500, RuleField.RESOURCE_ARN, errors);
        Map<String, String> attributes = attributes(form.attributes(), errors);
        String ruleArn = existing.map(SamplingRule::arn).orElse("");
        return result(errors, () -> new SamplingRule(name, ruleArn, priority, rate, reservoir, service, type, host,
                method, path, arn, attributes));
    }

    private static Result result(Map<RuleField, String> errors, java.util.function.Supplier<SamplingRule> rule) {
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), Collections.unmodifiableMap(errors));
        }
        return new Result(Optional.of(rule.get()), Map.of());
    }

    private static Integer wholeNumber(String text, long min, long max, RuleField field, String message,
            Map<RuleField, String> errors) {
        String t = trim(text);
        try {
            long v = Long.parseLong(t);
            if (v >= min && v <= max) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        errors.put(field, message);
        return null;
    }

    private static Double rate(String text, Map<RuleField, String> errors) {
        String t = trim(text);
        try {
            double v = Double.parseDouble(t);
            if (v >= 0 && v <= 1 && !t.endsWith("d") && !t.endsWith("f") && !t.endsWith("D") && !t.endsWith("F")) {
                return v;
            }
        } catch (NumberFormatException e) {
            // falls through to the message
        }
        errors.put(RuleField.FIXED_RATE, "The rate is a fraction from 0 to 1: 0.05 samples 5% of the requests.");
        return null;
    }

    /** A matcher: literal text with '*' and '?' wildcards; empty would only match an empty value, so '*' is asked for. */
    private static String pattern(String text, int max, RuleField field, Map<RuleField, String> errors) {
        String t = trim(text);
        if (t.isEmpty()) {
            errors.put(field, "Use * to match any value.");
            return null;
        }
        if (t.length() > max) {
            errors.put(field, "At most " + max + " characters (this has " + t.length() + ").");
            return null;
        }
        if (t.chars().anyMatch(Character::isWhitespace)) {
            errors.put(field, "No spaces; the wildcards are * (any text) and ? (one character).");
            return null;
        }
        return t;
    }

    private static Map<String, String> attributes(String text, Map<RuleField, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        String t = trim(text);
        if (t.isEmpty()) {
            return out;
        }
        for (String pair : t.split(",")) {
            String p = pair.trim();
            int eq = p.indexOf('=');
            String key = eq < 0 ? "" : p.substring(0, eq).trim();
            String value = eq < 0 ? "" : p.substring(eq + 1).trim();
            if (key.isEmpty() || value.isEmpty() || key.length() > 32 || value.length() > 32) {
                errors.put(RuleField.ATTRIBUTES, "Write attributes as key=value, comma-separated; keys and values "
                        + "have 1 to 32 characters (\"" + p + "\").");
                return null;
            }
            if (out.put(key, value) != null) {
                errors.put(RuleField.ATTRIBUTES, "The attribute " + key + " is given twice.");
                return null;
            }
        }
        if (out.size() > MAX_ATTRIBUTES) {
            errors.put(RuleField.ATTRIBUTES, "At most " + MAX_ATTRIBUTES + " attributes (" + out.size() + " given).");
            return null;
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? "" : s.trim();
    }
}
