package dev.tracedesk.ui.sampling;

import dev.tracedesk.explore.access.Problems;
import dev.tracedesk.explore.sampling.RuleField;
import dev.tracedesk.explore.sampling.RuleForm;
import dev.tracedesk.explore.sampling.RuleFormat;
import dev.tracedesk.explore.sampling.RuleMatcher;
import dev.tracedesk.explore.sampling.RuleStatistics;
import dev.tracedesk.explore.sampling.RuleValidator;
import dev.tracedesk.explore.sampling.SamplingRule;
import dev.tracedesk.explore.sampling.SamplingRulesSource;
import dev.tracedesk.ui.common.BackgroundTasks;
import dev.tracedesk.ui.common.Strings;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Sampling screen: the rules in evaluation order with their recent statistics, the Default rule in words, an
 * editor that validates before it sends (errors per field, and the API's own error in place), and "which rule would
 * sample this request?". FX thread only; no nodes.
 */
public final class SamplingViewModel {

    /** How far back the statistics columns sum GetSamplingStatisticSummaries' 10-second windows. */
    public static final Duration STATISTICS_SPAN = Duration.ofMinutes(5);

    public enum State { LOADING, READY, ERROR }

    /** What the editor is doing. */
    public enum EditorMode { CLOSED, NEW, EDIT, DEFAULT }

    /** One table row: a rule and its counts over {@link #STATISTICS_SPAN}. */
    public record Row(SamplingRule rule, RuleStatistics statistics) {}

    private record Loaded(List<SamplingRule> rules, Map<String, RuleStatistics> statistics) {}

    private final ResourceBundle strings;
    private final SamplingRulesSource source;
    private final BackgroundTasks tasks;

    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(this, "state", State.LOADING);
    private final ReadOnlyStringWrapper loadError = new ReadOnlyStringWrapper(this, "loadError", "");
    private final ReadOnlyStringWrapper defaultExplanation = new ReadOnlyStringWrapper(this, "defaultExplanation", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");

    private final ReadOnlyObjectWrapper<EditorMode> editorMode =
            new ReadOnlyObjectWrapper<>(this, "editorMode", EditorMode.CLOSED);
    private final Map<RuleField, StringProperty> form = new EnumMap<>(RuleField.class);
    private final Map<RuleField, ReadOnlyStringWrapper> fieldErrors = new EnumMap<>(RuleField.class);
    private final ReadOnlyStringWrapper apiError = new ReadOnlyStringWrapper(this, "apiError", "");
    private final ReadOnlyStringWrapper editorTitle = new ReadOnlyStringWrapper(this, "editorTitle", "");
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(this, "saving");
    private Optional<SamplingRule> editing = Optional.empty();

    private final StringProperty matchService = new SimpleStringProperty(this, "matchService", "");
    private final StringProperty matchServiceType = new SimpleStringProperty(this, "matchServiceType", "");
    private final StringProperty matchMethod = new SimpleStringProperty(this, "matchMethod", "");
    private final StringProperty matchUrl = new SimpleStringProperty(this, "matchUrl", "");
    private final StringProperty matchHost = new SimpleStringProperty(this, "matchHost", "");
    private final ReadOnlyStringWrapper matchedRule = new ReadOnlyStringWrapper(this, "matchedRule", "");
    private final ReadOnlyStringWrapper matchExplanation = new ReadOnlyStringWrapper(this, "matchExplanation", "");

    private long generation;

    public SamplingViewModel(ResourceBundle strings, SamplingRulesSource source, BackgroundTasks tasks,
            ReadOnlyLongProperty refreshCount) {
        this.strings = Objects.requireNonNull(strings);
        this.source = Objects.requireNonNull(source);
        this.tasks = Objects.requireNonNull(tasks);
        for (RuleField f : RuleField.values()) {
            form.put(f, new SimpleStringProperty(this, f.name(), ""));
            fieldErrors.put(f, new ReadOnlyStringWrapper(this, f.name() + "Error", ""));
        }
        // A field's error goes as soon as the user changes that field; the API's error when anything changes.
        form.forEach((f, p) -> p.addListener((obs, old, now) -> {
            fieldErrors.get(f).set("");
            apiError.set("");
        }));
        for (StringProperty p : List.of(matchService, matchServiceType, matchMethod, matchUrl, matchHost)) {
            p.addListener((obs, old, now) -> updateMatch());
        }
        refreshCount.addListener((obs, old, now) -> reload());
        updateMatch();
    }

    // ~ loading

    /** Reads the rules and their statistics (on a worker). */
    public void reload() {
        long mine = ++generation;
        busy.set(true);
        if (rows.isEmpty()) {
            state.set(State.LOADING);
        }
        tasks.task(strings.getString("sampling.task.load"),
                progress -> new Loaded(source.rules(), source.statistics(STATISTICS_SPAN)))
                .onSuccess(loaded -> {
                    if (mine == generation) {
                        show(loaded);
                    }
                })
                .onFailure(error -> {
                    if (mine == generation) {
                        loadError.set(Problems.classify(error).userMessage());
                        state.set(State.ERROR);
                    }
                })
                .andFinally(() -> {
                    if (mine == generation) {
                        busy.set(false);
                    }
                })
                .start();
    }

    private void show(Loaded loaded) {
        List<Row> list = loaded.rules().stream().sorted(SamplingRule.EVALUATION_ORDER)
                .map(r -> new Row(r, loaded.statistics().getOrDefault(r.name(), RuleStatistics.none(r.name()))))
                .collect(Collectors.toList());
        rows.setAll(list);
        Optional<SamplingRule> def = defaultRule();
        defaultExplanation.set(def.map(d -> Strings.format(strings, "sampling.default.explained",
                RuleFormat.explain(d.reservoirSize(), d.fixedRate()))).orElse(strings.getString("sampling.default.missing")));
        loadError.set("");
        state.set(State.READY);
        updateMatch();
    }

    private Optional<SamplingRule> defaultRule() {
        return rows.stream().map(Row::rule).filter(SamplingRule::isDefault).findFirst();
    }

    private List<SamplingRule> rules() {
        return rows.stream().map(Row::rule).collect(Collectors.toList());
    }

    // ~ editing

    public void newRule() {
        open(EditorMode.NEW, Optional.empty(), RuleForm.blank());
    }

    /** Opens {@code rule} in the editor; for Default only its reservoir and rate are editable. */
    public void edit(SamplingRule rule) {
        open(rule.isDefault() ? EditorMode.DEFAULT : EditorMode.EDIT, Optional.of(rule), RuleForm.of(rule));
    }

    private void open(EditorMode mode, Optional<SamplingRule> rule, RuleForm values) {
        editing = rule;
        setForm(values);
        fieldErrors.values().forEach(e -> e.set(""));
        apiError.set("");
        editorTitle.set(switch (mode) {
            case NEW -> strings.getString("sampling.editor.new");
            case DEFAULT -> strings.getString("sampling.editor.default");
            default -> Strings.format(strings, "sampling.editor.edit", rule.map(SamplingRule::name).orElse(""));
        });
        editorMode.set(mode);
    }

    public void cancelEdit() {
        editorMode.set(EditorMode.CLOSED);
        editing = Optional.empty();
        apiError.set("");
    }

    /**
     * Validates the form; with errors they show beside their fields and nothing is sent. Otherwise creates or updates
     * the rule on a worker; the API's error shows in the editor, success closes it and reloads.
     */
    public boolean save() {
        RuleValidator.Result result = RuleValidator.validate(currentForm(), editing);
        fieldErrors.forEach((f, e) -> e.set(result.errors().getOrDefault(f, "")));
        apiError.set("");
        if (!result.isValid()) {
            return false;
        }
        SamplingRule rule = result.rule().orElseThrow();
        boolean creating = editorMode.get() == EditorMode.NEW;
        saving.set(true);
        tasks.task(strings.getString(creating ? "sampling.task.create" : "sampling.task.update"),
                progress -> creating ? source.create(rule) : source.update(rule))
                .onSuccess(saved -> {
                    cancelEdit();
                    reload();
                })
                .onFailure(error -> apiError.set(Problems.classify(error).userMessage()))
                .andFinally(() -> saving.set(false))
                .start();
        return true;
    }

    /** Deletes {@code rule} (never Default, which X-Ray keeps); an API error shows in the load-error place. */
    public void delete(SamplingRule rule) {
        if (rule.isDefault()) {
            return;
        }
        busy.set(true);
        tasks.task(strings.getString("sampling.task.delete"), progress -> source.delete(rule.name()))
                .onSuccess(deleted -> {
                    if (editing.map(e -> e.name().equals(rule.name())).orElse(false)) {
                        cancelEdit();
                    }
                    reload();
                })
                .onFailure(error -> apiError.set(Problems.classify(error).userMessage()))
                .andFinally(() -> busy.set(false))
                .start();
    }

    private RuleForm currentForm() {
        return new RuleForm(get(RuleField.NAME), get(RuleField.PRIORITY), get(RuleField.RESERVOIR),
                get(RuleField.FIXED_RATE), get(RuleField.SERVICE_NAME), get(RuleField.SERVICE_TYPE),
                get(RuleField.HOST), get(RuleField.HTTP_METHOD), get(RuleField.URL_PATH), get(RuleField.RESOURCE_ARN),
                get(RuleField.ATTRIBUTES));
    }

    private void setForm(RuleForm f) {
        form.get(RuleField.NAME).set(f.name());
        form.get(RuleField.PRIORITY).set(f.priority());
        form.get(RuleField.RESERVOIR).set(f.reservoir());
        form.get(RuleField.FIXED_RATE).set(f.fixedRate());
        form.get(RuleField.SERVICE_NAME).set(f.serviceName());
        form.get(RuleField.SERVICE_TYPE).set(f.serviceType());
        form.get(RuleField.HOST).set(f.host());
        form.get(RuleField.HTTP_METHOD).set(f.httpMethod());
        form.get(RuleField.URL_PATH).set(f.urlPath());
        form.get(RuleField.RESOURCE_ARN).set(f.resourceArn());
        form.get(RuleField.ATTRIBUTES).set(f.attributes());
    }

    private String get(RuleField f) {
        return form.get(f).get();
    }

    /** Whether the editor lets the user change {@code field}: Default keeps everything but reservoir and rate. */
    public boolean isEditable(RuleField field) {
        return switch (editorMode.get()) {
            case CLOSED -> false;
            case DEFAULT -> field == RuleField.RESERVOIR || field == RuleField.FIXED_RATE;
            case EDIT -> field != RuleField.NAME;
            case NEW -> true;
        };
    }

    // ~ which rule would sample this request

    private void updateMatch() {
        String url = matchUrl.get().trim();
        String path = url;
        String host = matchHost.get().trim();
        if (url.contains("://")) {
            // A whole URL: the rules see only its path, and its host when none was typed.
            try {
                URI uri = URI.create(url);
                path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
                if (host.isEmpty() && uri.getHost() != null) {
                    host = uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
                }
            } catch (IllegalArgumentException e) {
                path = url;
            }
        } else if (path.contains("?")) {
            path = path.substring(0, path.indexOf('?'));
        }
        RuleMatcher.Result result = RuleMatcher.match(rules(), new RuleMatcher.Request(matchService.get(),
                matchServiceType.get(), host, matchMethod.get(), path));
        matchedRule.set(result.rule().map(SamplingRule::name).orElse(""));
        String because = result.rule().map(r -> r.isDefault()
                ? Strings.format(strings, "sampling.match.default", RuleFormat.explain(r.reservoirSize(), r.fixedRate()))
                : Strings.format(strings, "sampling.match.rule", r.name(), Integer.toString(r.priority()),
                        RuleFormat.explain(r.reservoirSize(), r.fixedRate())))
                .orElse(strings.getString("sampling.match.none"));
        String skipped = result.skipped().stream().map(s -> Strings.format(strings,
                s.reason() == RuleMatcher.SkipReason.ATTRIBUTES ? "sampling.match.skipped.attributes"
                        : "sampling.match.skipped.arn", s.rule().name())).collect(Collectors.joining(" "));
        matchExplanation.set(skipped.isEmpty() ? because : because + " " + skipped);
    }

    // ~ properties

    public ObservableList<Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public State getState() {
        return state.get();
    }

    public ReadOnlyStringProperty loadErrorProperty() {
        return loadError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty defaultExplanationProperty() {
        return defaultExplanation.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<EditorMode> editorModeProperty() {
        return editorMode.getReadOnlyProperty();
    }

    public EditorMode getEditorMode() {
        return editorMode.get();
    }

    public StringProperty field(RuleField f) {
        return form.get(f);
    }

    public ReadOnlyStringProperty fieldError(RuleField f) {
        return fieldErrors.get(f).getReadOnlyProperty();
    }

    public ReadOnlyStringProperty apiErrorProperty() {
        return apiError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty editorTitleProperty() {
        return editorTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    public StringProperty matchServiceProperty() {
        return matchService;
    }

    public StringProperty matchServiceTypeProperty() {
        return matchServiceType;
    }

    public StringProperty matchMethodProperty() {
        return matchMethod;
    }

    public StringProperty matchUrlProperty() {
        return matchUrl;
    }

    public StringProperty matchHostProperty() {
        return matchHost;
    }

    public ReadOnlyStringProperty matchedRuleProperty() {
        return matchedRule.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty matchExplanationProperty() {
        return matchExplanation.getReadOnlyProperty();
    }
}
