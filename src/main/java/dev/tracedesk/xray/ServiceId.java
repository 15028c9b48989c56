package dev.tracedesk.xray;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The identity of a service-map node (spec §6.2): name, type ({@code origin} of real segments, {@code AWS::...},
 * {@code remote}, {@code client}; null when a real segment sets no origin) and account id (null when unknown).
 * Serializes to the API's ServiceId shape {@code {Name, Names, AccountId, Type}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Name", "Names", "AccountId", "Type"})
public record ServiceId(@JsonProperty("Name") String name, @JsonProperty("Type") String type,
                        @JsonProperty("AccountId") String accountId) implements Comparable<ServiceId> {
    public static final String CLIENT = "client";
    public static final String REMOTE = "remote";

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<ServiceId> ORDER = Comparator.comparing(ServiceId::name, NULLS_FIRST)
            .thenComparing(ServiceId::type, NULLS_FIRST).thenComparing(ServiceId::accountId, NULLS_FIRST);

    public ServiceId {
        Objects.requireNonNull(name, "name");
    }

    public static ServiceId of(String name, String type) {
        return new ServiceId(name, type, null);
    }

    /** All names of the service (the API lists the canonical name here too). */
    @JsonProperty("Names")
    public List<String> names() {
        return List.of(name);
    }

    @JsonIgnore
    public boolean isClient() {
        return CLIENT.equals(type);
    }

    /** Name, then type, then account; nulls first. The order graph ReferenceIds follow. */
    @Override
    public int compareTo(ServiceId o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return name + (type == null ? "" : " [" + type + "]") + (accountId == null ? "" : " @" + accountId);
    }
}
