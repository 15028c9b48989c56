package dev.tracedesk.xray.summary;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.tracedesk.xray.EpochSeconds;
import dev.tracedesk.xray.ServiceId;
import java.util.List;
import java.util.Map;

/**
 * One element of GetTraceSummaries' {@code TraceSummaries} (spec §2.2), serialized by {@link dev.tracedesk.xray.ApiJson}
 * to the exact API JSON. Build with {@link TraceSummaries#of}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Id", "StartTime", "Duration", "ResponseTime", "HasFault", "HasError", "HasThrottle", "IsPartial",
        "Http", "Annotations", "Users", "ServiceIds", "ResourceARNs", "InstanceIds", "AvailabilityZones", "EntryPoint",
        "FaultRootCauses", "ErrorRootCauses", "ResponseTimeRootCauses", "Revision", "MatchedEventTime"})
public record TraceSummary(
        @JsonProperty("Id") String id,
        @JsonProperty("StartTime") @JsonSerialize(using = EpochSeconds.class) Double startTime,
        @JsonProperty("Duration") Double duration,
        @JsonProperty("ResponseTime") Double responseTime,
        @JsonProperty("HasFault") boolean hasFault,
        @JsonProperty("HasError") boolean hasError,
        @JsonProperty("HasThrottle") boolean hasThrottle,
        @JsonProperty("IsPartial") boolean isPartial,
        @JsonProperty("Http") HttpSummary http,
        @JsonProperty("Annotations") Map<String, List<ValueWithServiceIds>> annotations,
        @JsonProperty("Users") List<TraceUser> users,
        @JsonProperty("ServiceIds") List<ServiceId> serviceIds,
        @JsonProperty("ResourceARNs") List<ResourceArn> resourceArns,
        @JsonProperty("InstanceIds") List<InstanceId> instanceIds,
        @JsonProperty("AvailabilityZones") List<AvailabilityZone> availabilityZones,
        @JsonProperty("EntryPoint") ServiceId entryPoint,
        @JsonProperty("FaultRootCauses") List<RootCause> faultRootCauses,
        @JsonProperty("ErrorRootCauses") List<RootCause> errorRootCauses,
        @JsonProperty("ResponseTimeRootCauses") List<RootCause> responseTimeRootCauses,
        @JsonProperty("Revision") int revision,
        @JsonProperty("MatchedEventTime") @JsonSerialize(using = EpochSeconds.class) Double matchedEventTime) {

    /** A copy carrying MatchedEventTime (GetTraceSummaries with TimeRangeType=Event). */
    public TraceSummary withMatchedEventTime(double seconds) {
        return new TraceSummary(id, startTime, duration, responseTime, hasFault, hasError, hasThrottle, isPartial,
                http, annotations, users, serviceIds, resourceArns, instanceIds, availabilityZones, entryPoint,
                faultRootCauses, errorRootCauses, responseTimeRootCauses, revision, seconds);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"HttpURL", "HttpStatus", "HttpMethod", "UserAgent", "ClientIp"})
    public record HttpSummary(@JsonProperty("HttpURL") String httpUrl,
                              @JsonProperty("HttpStatus") Integer httpStatus,
                              @JsonProperty("HttpMethod") String httpMethod,
                              @JsonProperty("UserAgent") String userAgent,
                              @JsonProperty("ClientIp") String clientIp) {}

    @JsonPropertyOrder({"AnnotationValue", "ServiceIds"})
    public record ValueWithServiceIds(@JsonProperty("AnnotationValue") AnnotationValueJson annotationValue,
                                      @JsonProperty("ServiceIds") List<ServiceId> serviceIds) {}

    /** Exactly one member is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnnotationValueJson(@JsonProperty("NumberValue") Double numberValue,
                                      @JsonProperty("BooleanValue") Boolean booleanValue,
                                      @JsonProperty("StringValue") String stringValue) {
        /** The value as String, Double or Boolean. */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public Object value() {
            return numberValue != null ? numberValue : booleanValue != null ? booleanValue : stringValue;
        }
    }

    @JsonPropertyOrder({"UserName", "ServiceIds"})
    public record TraceUser(@JsonProperty("UserName") String userName,
                            @JsonProperty("ServiceIds") List<ServiceId> serviceIds) {}

    public record ResourceArn(@JsonProperty("ARN") String arn) {}

    public record InstanceId(@JsonProperty("Id") String id) {}

    public record AvailabilityZone(@JsonProperty("Name") String name) {}

    /** FaultRootCause, ErrorRootCause and ResponseTimeRootCause share this shape. */
    @JsonPropertyOrder({"Services", "ClientImpacting"})
    public record RootCause(@JsonProperty("Services") List<RootCauseService> services,
                            @JsonProperty("ClientImpacting") boolean clientImpacting) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"Name", "Names", "Type", "AccountId", "EntityPath", "Inferred"})
    public record RootCauseService(@JsonProperty("Name") String name,
                                   @JsonProperty("Names") List<String> names,
                                   @JsonProperty("Type") String type,
                                   @JsonProperty("AccountId") String accountId,
                                   @JsonProperty("EntityPath") List<RootCauseEntity> entityPath,
                                   @JsonProperty("Inferred") boolean inferred) {}

    /** Fault/error entities carry Exceptions; response-time entities carry Coverage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"Name", "Coverage", "Exceptions", "Remote"})
    public record RootCauseEntity(@JsonProperty("Name") String name,
                                  @JsonProperty("Coverage") Double coverage,
                                  @JsonProperty("Exceptions") List<RootCauseException> exceptions,
                                  @JsonProperty("Remote") boolean remote) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"Name", "Message"})
    public record RootCauseException(@JsonProperty("Name") String name, @JsonProperty("Message") String message) {}
}
