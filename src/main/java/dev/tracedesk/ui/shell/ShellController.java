package dev.tracedesk.ui.shell;

import dev.tracedesk.ui.common.DisplayConverter;
import dev.tracedesk.ui.common.ErrorReporter;
import dev.tracedesk.ui.common.RangePreset;
import dev.tracedesk.ui.common.Strings;
import dev.tracedesk.ui.common.ThemeChoice;
import dev.tracedesk.ui.common.Themes;
import dev.tracedesk.ui.common.TimeRange;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Binds {@code ShellView.fxml} to the {@link ShellViewModel}: navigation, top bar, error banner, status bar,
 * keyboard shortcuts and the theme stylesheet of the scene. Screens are loaded lazily, once, by {@code screens}.
 */
public final class ShellController {

    private static final KeyCode[] DIGITS = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4,
        KeyCode.DIGIT5, KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9};

    private final ShellViewModel model;
    private final Function<Screen, Parent> screens;
    private final ResourceBundle strings;
    private final Supplier<Parent> signInView;
    private final SandboxStatus sandboxStatus;
    private Parent signIn;
    private FilterFieldSupport filterSupport;
    private final Map<Screen, Parent> loadedScreens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> navButtons = new EnumMap<>(Screen.class);
    private final Map<RangePreset, ToggleButton> rangeButtons = new EnumMap<>(RangePreset.class);

    @FXML BorderPane shellRoot;
    @FXML ToggleGroup navGroup;
    @FXML ToggleGroup rangeGroup;
    @FXML StackPane windowRoot;
    @FXML StackPane overlayLayer;
    @FXML Button connectionButton;
    @FXML Label statusSandbox;
    @FXML ToggleButton range5m;
    @FXML ToggleButton range15m;
    @FXML ToggleButton range1h;
    @FXML ToggleButton range3h;
    @FXML ToggleButton range6h;
    @FXML ToggleButton range24h;
    @FXML ToggleButton rangeAbsolute;
    @FXML ToggleButton utcToggle;
    @FXML FilterField filterField;
    @FXML Button refreshButton;
    @FXML ChoiceBox<AutoRefresh> autoRefreshChoice;
    @FXML ChoiceBox<ThemeChoice> themeChoice;
    @FXML HBox absoluteRangeBar;
    @FXML TextField fromField;
    @FXML TextField toField;
    @FXML Label zoneLabel;
    @FXML Button applyRangeButton;
    @FXML Label rangeError;
    @FXML HBox errorBanner;
    @FXML Label errorMessage;
    @FXML Button dismissErrorButton;
    @FXML Button errorActionButton;
    @FXML HBox noticeBanner;
    @FXML Label noticeMessage;
    @FXML Button dismissNoticeButton;
    @FXML VBox navBar;
    @FXML StackPane screenContainer;
    @FXML ProgressBar statusProgress;
    @FXML Label statusMessage;
    @FXML Label statusFilter;
    @FXML Label statusWindow;

    /**
     * @param signInView    loads the sign-in dialog (once, when first opened)
     * @param sandboxStatus the local sandbox's port and counters for the status bar
     */
    public ShellController(ShellViewModel model, Function<Screen, Parent> screens, Supplier<Parent> signInView,
                           SandboxStatus sandboxStatus, ResourceBundle strings) {
        this.model = model;
        this.screens = screens;
        this.signInView = signInView;
        this.sandboxStatus = sandboxStatus;
        this.strings = strings;
    }

    public ShellViewModel model() {
        return model;
    }

    @FXML
    void initialize() {
        initNavigation();
        initTimeRange();
        initTopBar();
        initErrorBanner();
        initNoticeBanner();
        initStatusBar();
        initSignIn();
        shellRoot.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
                Themes.apply(scene, model.getTheme());
            }
        });
        model.themeProperty().addListener((obs, old, theme) -> {
            if (shellRoot.getScene() != null) {
                Themes.apply(shellRoot.getScene(), theme);
            }
        });
    }

    private void initNavigation() {
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(strings.getString(screen.titleKey()));
            button.setId(navId(screen));
            button.getStyleClass().add("nav-button");
            button.setMaxWidth(Double.MAX_VALUE);
            button.setToggleGroup(navGroup);
            button.setUserData(screen);
            button.setTooltip(new Tooltip(Strings.format(strings, "nav.tooltip",
                    strings.getString(screen.titleKey()), screen.shortcutDigit())));
            navButtons.put(screen, button);
            navBar.getChildren().add(button);
        }
        navGroup.selectedToggleProperty().addListener((obs, old, selected) -> {
            if (selected == null) {
                old.setSelected(true); // clicking the current screen again keeps it selected
            } else {
                model.selectScreen((Screen) selected.getUserData());
            }
        });
        model.screenProperty().addListener((obs, old, screen) -> show(screen));
        show(model.getScreen());
    }

    /** {@code navServiceMap} for {@code service-map}: the fx:id tests click. */
    static String navId(Screen screen) {
        StringBuilder id = new StringBuilder("nav");
        for (String part : screen.id().split("-")) {
            id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return id.toString();
    }

    private void show(Screen screen) {
        navButtons.get(screen).setSelected(true);
        Parent view = loadedScreens.computeIfAbsent(screen, screens);
        screenContainer.getChildren().setAll(view);
    }

    private void initTimeRange() {
        TimeRangeViewModel range = model.timeRange();
        rangeButtons.put(RangePreset.LAST_5_MINUTES, range5m);
        rangeButtons.put(RangePreset.LAST_15_MINUTES, range15m);
        rangeButtons.put(RangePreset.LAST_HOUR, range1h);
        rangeButtons.put(RangePreset.LAST_3_HOURS, range3h);
        rangeButtons.put(RangePreset.LAST_6_HOURS, range6h);
        rangeButtons.put(RangePreset.LAST_24_HOURS, range24h);
        rangeButtons.forEach((preset, button) -> {
            button.setUserData(preset);
            button.setTooltip(new Tooltip(strings.getString("range.preset." + preset.shortName())));
        });
        rangeAbsolute.setTooltip(new Tooltip(strings.getString("range.absolute.tooltip")));
        syncRangeButtons(range.getRange());
        rangeGroup.selectedToggleProperty().addListener((obs, old, selected) -> onRangeToggle(old, selected));
        range.rangeProperty().addListener((obs, old, now) -> syncRangeButtons(now));

        utcToggle.selectedProperty().bindBidirectional(range.utcProperty());
        utcToggle.setTooltip(new Tooltip(strings.getString("range.utc.tooltip")));
        fromField.textProperty().bindBidirectional(range.fromTextProperty());
        toField.textProperty().bindBidirectional(range.toTextProperty());
        zoneLabel.textProperty().bind(Bindings.createStringBinding(
                () -> range.isUtc() ? "UTC" : strings.getString("range.local"), range.utcProperty()));
        rangeError.textProperty().bind(range.errorProperty());
        applyRangeButton.setOnAction(e -> range.applyAbsolute());
        fromField.setOnAction(e -> range.applyAbsolute());
        toField.setOnAction(e -> range.applyAbsolute());
    }

    private void onRangeToggle(Toggle old, Toggle selected) {
        if (selected == null) {
            old.setSelected(true);
            return;
        }
        boolean absolute = selected == rangeAbsolute;
        absoluteRangeBar.setVisible(absolute);
        absoluteRangeBar.setManaged(absolute);
        if (absolute) {
            if (!(model.timeRange().getRange() instanceof TimeRange.Absolute)) {
                model.timeRange().prefillFields();
            }
        } else {
            model.timeRange().selectPreset((RangePreset) selected.getUserData());
        }
    }

    private void syncRangeButtons(TimeRange range) {
        if (range instanceof TimeRange.Relative relative) {
            rangeButtons.get(relative.preset()).setSelected(true);
        } else {
            rangeAbsolute.setSelected(true);
        }
    }

    private void initTopBar() {
        connectionButton.textProperty().bind(model.connectionLabelProperty());
        connectionButton.setTooltip(new Tooltip(strings.getString("connection.tooltip")));
        connectionButton.setOnAction(e -> model.openSignIn());
        filterField.textProperty().bindBidirectional(model.filterProperty());
        filterSupport = new FilterFieldSupport(filterField, model.filterEditor(), model::applyFilter);
        refreshButton.setOnAction(e -> model.refresh());
        refreshButton.setTooltip(new Tooltip(strings.getString("refresh.tooltip")));

        autoRefreshChoice.getItems().setAll(AutoRefresh.values());
        autoRefreshChoice.setConverter(DisplayConverter.of(a -> strings.getString(a.labelKey())));
        autoRefreshChoice.valueProperty().bindBidirectional(model.autoRefreshProperty());
        autoRefreshChoice.setTooltip(new Tooltip(strings.getString("autoRefresh.tooltip")));

        themeChoice.getItems().setAll(ThemeChoice.values());
        themeChoice.setConverter(DisplayConverter.of(t -> strings.getString("theme." + t.name().toLowerCase(java.util.Locale.ROOT))));
        themeChoice.valueProperty().bindBidirectional(model.themeChoiceProperty());
        themeChoice.setTooltip(new Tooltip(strings.getString("theme.tooltip")));
    }

    private void initErrorBanner() {
        ErrorReporter errors = model.errors();
        errors.currentProperty().addListener((obs, old, problem) -> showProblem(problem));
        showProblem(errors.getCurrent());
        dismissErrorButton.setOnAction(e -> errors.dismiss());
    }

    private void showProblem(ErrorReporter.Problem problem) {
        boolean shown = problem != null;
        errorBanner.setVisible(shown);
        errorBanner.setManaged(shown);
        errorMessage.setText(shown ? problem.summary() : "");
        errorMessage.setTooltip(shown && !problem.detail().isEmpty() ? new Tooltip(problem.detail()) : null);
        ErrorReporter.Action action = shown ? problem.action() : null;
        errorActionButton.setVisible(action != null);
        errorActionButton.setManaged(action != null);
        errorActionButton.setText(action == null ? "" : action.label());
        errorActionButton.setOnAction(action == null ? null : e -> {
            model.errors().dismiss();
            action.run().run();
        });
    }

    // ---- notice banner (stackui) ----
    private void initNoticeBanner() {
        noticeMessage.textProperty().bind(model.noticeProperty());
        noticeBanner.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        noticeBanner.managedProperty().bind(noticeBanner.visibleProperty());
        dismissNoticeButton.setOnAction(e -> model.dismissNotice());
    }
    // ---- end of notice banner (stackui) ----

    /** The sign-in dialog lies over the whole window, on a scrim that keeps the window below from being used. */
    private void initSignIn() {
        overlayLayer.visibleProperty().bind(model.signInOpenProperty());
        overlayLayer.managedProperty().bind(model.signInOpenProperty());
        model.signInOpenProperty().addListener((obs, old, open) -> showSignIn(open));
        showSignIn(model.isSignInOpen());
    }

    private void showSignIn(boolean open) {
        if (!open) {
            return;
        }
        if (signIn == null) {
            signIn = signInView.get();
            overlayLayer.getChildren().setAll(signIn);
        }
        signIn.requestFocus();
        Node list = signIn.lookup("#profileList");
        (list != null ? list : signIn).requestFocus();
    }

    private void initStatusBar() {
        statusSandbox.textProperty().bind(sandboxStatus.textProperty());
        statusSandbox.visibleProperty().bind(sandboxStatus.textProperty().isNotEmpty());
        statusSandbox.managedProperty().bind(statusSandbox.visibleProperty());
        var tasks = model.tasks();
        statusProgress.visibleProperty().bind(tasks.runningCountProperty().greaterThan(0));
        statusProgress.managedProperty().bind(statusProgress.visibleProperty());
        statusProgress.progressProperty().bind(tasks.progressProperty());
        statusMessage.textProperty().bind(Bindings.createStringBinding(
                () -> tasks.getRunningCount() == 0 ? strings.getString("status.idle") : tasks.getMessage(),
                tasks.runningCountProperty(), tasks.messageProperty()));
        statusWindow.textProperty().bind(model.windowLabelProperty());
        statusFilter.textProperty().bind(Bindings.createStringBinding(
                () -> model.getFilter().isBlank() ? "" : Strings.format(strings, "status.filter", model.getFilter().strip()),
                model.filterProperty()));
        statusFilter.visibleProperty().bind(statusFilter.textProperty().isNotEmpty());
        statusFilter.managedProperty().bind(statusFilter.visibleProperty());
    }

    private void installShortcuts(Scene scene) {
        for (Screen screen : Screen.values()) {
            scene.getAccelerators().put(
                    new KeyCodeCombination(DIGITS[screen.shortcutDigit() - 1], KeyCombination.SHORTCUT_DOWN),
                    () -> model.selectScreen(screen));
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), model::refresh);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), () -> {
            filterField.requestFocus();
            filterField.selectAll();
        });
    }

}
