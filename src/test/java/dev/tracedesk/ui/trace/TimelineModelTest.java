package dev.tracedesk.ui.trace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.xray.ShopTraces;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineModelTest {

    private static List<String> names(TimelineModel m) {
        List<String> out = new ArrayList<>();
        for (int row : m.visibleRows()) {
            out.add("  ".repeat(m.depth(row)) + m.segment(row).name());
        }
        return out;
    }

    @Test
    void rowsNestCalleesUnderTheSubsegmentThatCalledThemInStartOrder() {
        TimelineModel m = TimelineModel.of(ShopTraces.trace(0));
        List<String> rows = names(m);
        assertThat(rows.subList(0, 8)).containsExactly(
                "AMIS_api_gateway/prod",
                "  Lambda",
                "    AMIS_shop_accept",
                "      AMIS_shop_accept",
                "        Initialization",
                "        Invocation",
                "          validate_order",
                "          SNS");
        assertThat(m.rowCount()).isEqualTo(rows.size());
        int init = m.rowNamed("Initialization");
        assertThat(m.isColdStart(m.parent(init))).isTrue();
        assertThat(m.isSegment(m.parent(init))).isTrue();
        assertThat(m.start(0)).isZero();
        assertThat(m.span()).isGreaterThan(0.4);
    }

    @Test
    void theSnsHopIsAsynchronousAndTheFunctionBehindItIsOnTheCriticalPath() {
        TimelineModel m = TimelineModel.of(ShopTraces.trace(1));
        int decrypt = -1;
        for (int i = 0; i < m.rowCount(); i++) {
            if (m.segment(i).name().equals(ShopTraces.DECRYPT) && "AWS::Lambda".equals(m.segment(i).origin())) {
                decrypt = i;
            }
        }
        assertThat(decrypt).isNotNegative();
        assertThat(m.isAsync(decrypt)).isTrue();
        assertThat(m.segment(m.parent(decrypt)).namespace()).isEqualTo("aws");
        assertThat(m.isAsync(m.rowNamed(ShopTraces.ACCEPT))).isFalse();
        assertThat(m.isCritical(0)).isTrue();
        int db = m.rowNamed("DynamoDB");
        assertThat(m.isCritical(db)).isTrue();                              // the last work of the trace
        assertThat(m.isCritical(m.rowNamed("validate_order"))).isTrue();     // ran before the publish, in sequence
        int acceptOverhead = -1;
        for (int i = 0; i < m.rowCount(); i++) {
            if (m.segment(i).name().equals("Overhead") && m.service(i).equals(ShopTraces.ACCEPT)) {
                acceptOverhead = i;
            }
        }
        assertThat(m.isCritical(acceptOverhead)).isFalse();   // accept wrapped up while the hop went on
    }

    @Test
    void collapseExpandAndFindChangeTheVisibleRows() {
        TimelineModel m = TimelineModel.of(ShopTraces.trace(0));
        int all = m.visibleCount();
        int fn = m.parent(m.rowNamed("Initialization"));
        m.toggle(fn);
        assertThat(m.visibleCount()).isLessThan(all);
        assertThat(m.visibleIndexOf(m.rowNamed("Initialization"))).isEqualTo(-1);
        m.expandAll();
        assertThat(m.visibleCount()).isEqualTo(all);

        m.collapseService(ShopTraces.UPDATE_DB, true);
        assertThat(m.visibleIndexOf(m.rowNamed("DynamoDB"))).isEqualTo(-1);

        int found = m.find("dynamodb", true);
        assertThat(found).isEqualTo(1);
        assertThat(m.visibleIndexOf(m.rowNamed("DynamoDB"))).as("find opens collapsed ancestors").isNotNegative();
        assertThat(m.visibleCount()).as("only the match and its ancestors").isEqualTo(m.depth(m.rowNamed("DynamoDB")) + 1);
        m.find("", false);
        assertThat(m.visibleCount()).isEqualTo(all - 0);
        m.collapseAll();
        assertThat(m.visibleCount()).isLessThan(all);
    }

    @Test
    void viewportZoomKeepsTheTimeUnderThePointerAndPansWithinTheTrace() {
        TimelineViewport v = new TimelineViewport();
        v.setBarWidth(1000);
        v.reset(1.0);
        double t = v.time(250);
        v.zoom(0.5, 250);
        assertThat(v.time(250)).isCloseTo(t, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(v.viewSpan()).isCloseTo(0.51, org.assertj.core.api.Assertions.within(1e-9));
        v.pan(1e9);
        assertThat(v.viewStart() + v.viewSpan()).isLessThanOrEqualTo(1.0 + v.viewSpan() * 0.25 + 1e-9);
        v.zoomTo(0.2, 0.1);
        assertThat(v.x(0.1)).isCloseTo(0, org.assertj.core.api.Assertions.within(1e-6));
        assertThat(v.x(0.2)).isCloseTo(1000, org.assertj.core.api.Assertions.within(1e-6));
    }
}
