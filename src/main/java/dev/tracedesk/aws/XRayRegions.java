package dev.tracedesk.aws;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.RegionMetadata;
import software.amazon.awssdk.services.xray.XRayClient;

/** The regions X-Ray is available in, from the SDK's own endpoint metadata (so no list to maintain here). */
public final class XRayRegions {
    private XRayRegions() {
    }

    /** X-Ray regions sorted by id, without FIPS pseudo-regions (those are endpoints, not places to pick). */
    public static List<RegionChoice> all() {
        return XRayClient.serviceMetadata().regions().stream()
                .filter(r -> !r.isGlobalRegion())
                .map(Region::id)
                .filter(id -> !id.toLowerCase(Locale.ROOT).contains("fips"))
                .distinct()
                .sorted(Comparator.naturalOrder())
                .map(XRayRegions::choice)
                .collect(Collectors.toList());
    }

    public static RegionChoice choice(String id) {
        RegionMetadata metadata = Region.of(id).metadata();
        return new RegionChoice(id, metadata == null ? "" : metadata.description());
    }

    public static boolean isXRayRegion(String id) {
        return XRayClient.serviceMetadata().regions().stream().anyMatch(r -> r.id().equals(id));
    }
}
