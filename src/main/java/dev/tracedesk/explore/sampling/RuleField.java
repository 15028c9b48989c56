package dev.tracedesk.explore.sampling;

/** The editable parts of a sampling rule, as a form and its validation errors name them. */
public enum RuleField {
    NAME, PRIORITY, RESERVOIR, FIXED_RATE, SERVICE_NAME, SERVICE_TYPE, HOST, HTTP_METHOD, URL_PATH, RESOURCE_ARN,
    ATTRIBUTES
}
