package dev.tracedesk.ui.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tracedesk.aws.AwsProblem;
import dev.tracedesk.aws.AwsProblemException;
import dev.tracedesk.aws.ProblemKind;
import dev.tracedesk.explore.sampling.RuleField;
import dev.tracedesk.explore.sampling.RuleStatistics;
import dev.tracedesk.explore.sampling.SamplingRule;
import dev.tracedesk.explore.sampling.SamplingRulesSource;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.TaskMonitor;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleLongProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Sampling screen's logic without a toolkit: work runs inline on a fake rule source. */
class SamplingViewModelTest {

    /** An in-memory X-Ray: counts writes, and refuses duplicate names as the API does. */
    static final class FakeRules implements SamplingRulesSource {
        final List<SamplingRule> rules = new ArrayList<>(List.of(new SamplingRule("Default", "arn:default", 10000,
                0.05, 1, "*", "*", "*", "*", "*", "*", Map.of())));
        int writes;

        @Override
        public List<SamplingRule> rules() {
            return rules.stream().sorted(SamplingRule.EVALUATION_ORDER).collect(Collectors.toList());
        }

        @Override
        public SamplingRule create(SamplingRule rule) {
            writes++;
            if (rules.stream().anyMatch(r -> r.name().equals(rule.name()))) {
                throw new AwsProblemException(AwsProblem.of(ProblemKind.OTHER,
                        "AWS answered InvalidRequestException: A sampling rule with name " + rule.name()
                                + " already exists"), null);
            }
            rules.add(rule);
            return rule;
        }

        @Override
        public SamplingRule update(SamplingRule rule) {
            writes++;
            rules.replaceAll(r -> r.name().equals(rule.name()) ? rule : r);
            return rule;
        }

        @Override
        public SamplingRule delete(String ruleName) {
            writes++;
            rules.removeIf(r -> r.name().equals(ruleName));
            return null;
        }

        @Override
        public Map<String, RuleStatistics> statistics(Duration span) {
            return Map.of("Default", new RuleStatistics("Default", 120, 7, 5));
        }
    }

    private final FakeRules source = new FakeRules();
    private final SimpleLongProperty refresh = new SimpleLongProperty();
    private SamplingViewModel model;

    @BeforeEach
    void setUp() {
        model = new SamplingViewModel(Strings.bundle(), source,
                BackgroundTasks.currentThread(new TaskMonitor(), new ErrorReporter(Clock.systemUTC())), refresh);
        model.reload();
    }

    @Test
    void theDefaultRuleIsExplainedAndCarriesItsStatistics() {
        assertThat(model.getState()).isEqualTo(SamplingViewModel.State.READY);
        assertThat(model.defaultExplanationProperty().get())
                .contains("X-Ray records the first request each second, then 5% of the rest");
        assertThat(model.rows()).singleElement().satisfies(row -> {
            assertThat(row.statistics().requests()).isEqualTo(120);
            assertThat(row.statistics().borrowed()).isEqualTo(5);
        });
    }

    @Test
    void anInvalidFormShowsItsErrorsAndSendsNothing() {
        model.newRule();
        model.field(RuleField.NAME).set("shop debug");
        model.field(RuleField.FIXED_RATE).set("2");
        assertThat(model.save()).isFalse();
        assertThat(source.writes).isZero();
        assertThat(model.fieldError(RuleField.NAME).get()).contains("letters, digits");
        assertThat(model.fieldError(RuleField.FIXED_RATE).get()).contains("0 to 1");
        assertThat(model.fieldError(RuleField.PRIORITY).get()).isEmpty();
        // Changing a field clears its own error only.
        model.field(RuleField.NAME).set("shop-debug");
        assertThat(model.fieldError(RuleField.NAME).get()).isEmpty();
        assertThat(model.fieldError(RuleField.FIXED_RATE).get()).isNotEmpty();
    }

    @Test
    void aCreatedRuleIsListedInPriorityOrderAndTheEditorCloses() {
        model.newRule();
        model.field(RuleField.NAME).set("shop-debug");
        model.field(RuleField.PRIORITY).set("100");
        model.field(RuleField.FIXED_RATE).set("1.0");
        model.field(RuleField.SERVICE_NAME).set("AMIS_api_gateway/prod");
        assertThat(model.save()).isTrue();
        assertThat(model.getEditorMode()).isEqualTo(SamplingViewModel.EditorMode.CLOSED);
        assertThat(model.rows()).extracting(r -> r.rule().name()).containsExactly("shop-debug", "Default");
        assertThat(model.rows().get(1).statistics().sampled()).isEqualTo(7);
    }

    @Test
    void theApisErrorStaysInTheOpenEditor() {
        model.newRule();
        model.field(RuleField.NAME).set("Dup");
        model.save();
        model.newRule();
        model.field(RuleField.NAME).set("Dup");
        model.save();
        assertThat(model.getEditorMode()).isEqualTo(SamplingViewModel.EditorMode.NEW);
        assertThat(model.apiErrorProperty().get()).contains("already exists");
        model.field(RuleField.NAME).set("Dup2");
        assertThat(model.apiErrorProperty().get()).isEmpty();
    }

    @Test
    void theDefaultRuleEditsOnlyReservoirAndRate() {
        model.edit(model.rows().get(0).rule());
        assertThat(model.getEditorMode()).isEqualTo(SamplingViewModel.EditorMode.DEFAULT);
        assertThat(model.isEditable(RuleField.RESERVOIR)).isTrue();
        assertThat(model.isEditable(RuleField.FIXED_RATE)).isTrue();
        assertThat(model.isEditable(RuleField.PRIORITY)).isFalse();
        assertThat(model.isEditable(RuleField.SERVICE_NAME)).isFalse();
        model.field(RuleField.FIXED_RATE).set("0.1");
        model.field(RuleField.RESERVOIR).set("2");
        assertThat(model.save()).isTrue();
        assertThat(model.defaultExplanationProperty().get())
                .contains("the first 2 requests each second, then 10% of the rest");
        model.delete(model.rows().get(0).rule());
        assertThat(model.rows()).hasSize(1);
    }

    @Test
    void theMatcherTakesAWholeUrlAndFollowsTheRules() {
        source.rules.add(new SamplingRule("shop-debug", "", 100, 1, 1, "AMIS_api_gateway/prod", "*", "*.amazonaws.com",
                "POST", "/prod/*", "*", Map.of()));
        refresh.set(1);
        model.matchServiceProperty().set("AMIS_api_gateway/prod");
        model.matchMethodProperty().set("POST");
        model.matchUrlProperty().set("https://abc.execute-api.us-east-1.amazonaws.com/prod/shop?debug=1");
        assertThat(model.matchedRuleProperty().get()).isEqualTo("shop-debug");
        assertThat(model.matchExplanationProperty().get()).contains("priority 100").contains("then all of the rest");
        model.matchHostProperty().set("localhost:8080");
        assertThat(model.matchedRuleProperty().get()).isEqualTo("Default");
        assertThat(model.matchExplanationProperty().get()).startsWith("No rule of yours matches");
    }
}
