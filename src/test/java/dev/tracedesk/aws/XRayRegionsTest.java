package dev.tracedesk.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class XRayRegionsTest {
    @Test
    void listsTheMainRegionsSortedWithDescriptionsAndNoFips() {
        List<RegionChoice> regions = XRayRegions.all();

        assertThat(regions).extracting(RegionChoice::id).contains("us-east-1", "eu-west-1", "ap-southeast-2")
                .isSorted().doesNotHaveDuplicates().noneMatch(id -> id.contains("fips"));
        assertThat(regions).filteredOn(r -> r.id().equals("eu-west-1")).singleElement()
                .satisfies(r -> assertThat(r.label()).isEqualTo("eu-west-1 — Europe (Ireland)"));
        assertThat(XRayRegions.isXRayRegion("us-east-1")).isTrue();
        assertThat(XRayRegions.isXRayRegion("xx-nowhere-9")).isFalse();
    }
}
