package dev.tracedesk.ui.signin;

import dev.tracedesk.explore.access.ProfileKind;
import dev.tracedesk.explore.access.RegionOption;
import dev.tracedesk.ui.common.Strings;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds {@code SignInView.fxml} to the {@link SignInViewModel}. */
public final class SignInController {
    private final SignInViewModel model;
    private final Runnable close;
    private final ResourceBundle strings;

    @FXML VBox signInRoot;
    @FXML ListView<SignInViewModel.Entry> profileList;
    @FXML ComboBox<String> regionChoice;
    @FXML VBox ssoBox;
    @FXML Label userCodeLabel;
    @FXML Label verificationUrlLabel;
    @FXML Button openBrowserButton;
    @FXML Label statusLabel;
    @FXML Label errorLabel;
    @FXML Button signInAgainButton;
    @FXML Button cancelButton;
    @FXML Button signInButton;
    @FXML Label noProfilesLabel;

    /** @param close hides the dialog (the shell's overlay) */
    public SignInController(SignInViewModel model, Runnable close, ResourceBundle strings) {
        this.model = model;
        this.close = close;
        this.strings = strings;
    }

    public SignInViewModel model() {
        return model;
    }

    @FXML
    void initialize() {
        profileList.setItems(model.entries());
        profileList.setCellFactory(list -> new EntryCell());
        profileList.getSelectionModel().selectedItemProperty().addListener((obs, old, entry) -> {
            if (entry != null && entry != model.getSelected()) {
                model.selectedProperty().set(entry);
            }
        });
        model.selectedProperty().addListener((obs, old, entry) -> syncSelection());
        model.entries().addListener((ListChangeListener<SignInViewModel.Entry>) change -> syncSelection());
        profileList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                model.signIn();
            }
        });
        profileList.disableProperty().bind(model.busyProperty());
        noProfilesLabel.visibleProperty().bind(model.hasAwsProfilesProperty().not());
        noProfilesLabel.managedProperty().bind(noProfilesLabel.visibleProperty());

        Runnable syncRegions = () -> regionChoice.getItems().setAll(
                model.regions().stream().map(RegionOption::id).toList());
        model.regions().addListener((ListChangeListener<RegionOption>) change -> syncRegions.run());
        syncRegions.run();
        regionChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(String id) {
                return SignInViewModel.regionLabel(id);
            }

            @Override
            public String fromString(String text) {
                return text;
            }
        });
        regionChoice.setPromptText(strings.getString("signin.region.prompt"));
        regionChoice.valueProperty().bindBidirectional(model.regionProperty());
        regionChoice.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.isBusy() || model.getSelected() == null || model.getSelected().isSandbox(),
                model.busyProperty(), model.selectedProperty()));

        ssoBox.visibleProperty().bind(model.userCodeProperty().isNotEmpty());
        ssoBox.managedProperty().bind(ssoBox.visibleProperty());
        userCodeLabel.textProperty().bind(model.userCodeProperty());
        verificationUrlLabel.textProperty().bind(model.verificationUrlProperty());
        openBrowserButton.setOnAction(e -> model.openVerificationPage());

        statusLabel.textProperty().bind(model.statusProperty());
        statusLabel.visibleProperty().bind(model.statusProperty().isNotEmpty());
        statusLabel.managedProperty().bind(statusLabel.visibleProperty());
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());

        signInAgainButton.visibleProperty().bind(model.canSignInAgainProperty());
        signInAgainButton.managedProperty().bind(signInAgainButton.visibleProperty());
        signInAgainButton.setOnAction(e -> model.signInAgain());
        signInButton.disableProperty().bind(model.busyProperty().or(model.selectedProperty().isNull()));
        signInButton.setOnAction(e -> model.signIn());
        cancelButton.setOnAction(e -> cancelOrClose());
        // A filter, not a handler: the profile list consumes Escape (to cancel cell editing) before it bubbles up.
        signInRoot.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancelOrClose();
                e.consume();
            }
        });
        syncSelection();
    }

    /** Cancel stops a running sign-in; with nothing running it closes the dialog. */
    private void cancelOrClose() {
        if (!model.cancel()) {
            close.run();
        }
    }

    private void syncSelection() {
        SignInViewModel.Entry entry = model.getSelected();
        if (entry != null && profileList.getSelectionModel().getSelectedItem() != entry) {
            profileList.getSelectionModel().select(entry);
            profileList.scrollTo(entry);
        }
    }

    /** Two lines: the name (and "recent"), then kind · region · description. */
    private final class EntryCell extends ListCell<SignInViewModel.Entry> {
        private final Label name = new Label();
        private final Label recent = new Label(strings.getString("signin.recent"));
        private final Label detail = new Label();
        private final VBox box;

        EntryCell() {
            name.getStyleClass().add("signin-entry-name");
            recent.getStyleClass().add("signin-entry-recent");
            detail.getStyleClass().add("signin-entry-detail");
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            HBox top = new HBox(8, name, recent);
            box = new VBox(2, top, detail);
            box.getStyleClass().add("signin-entry");
            // Long role ARNs end in an ellipsis (full text in the tooltip) rather than a horizontal scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(SignInViewModel.Entry entry, boolean empty) {
            super.updateItem(entry, empty);
            if (empty || entry == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            name.setText(entry.name());
            recent.setVisible(entry.recent());
            recent.setManaged(entry.recent());
            detail.setText(describe(entry));
            setTooltip(new Tooltip(entry.name() + "\n" + describe(entry)));
            setText(null);
            setGraphic(box);
        }
    }

    String describe(SignInViewModel.Entry entry) {
        String region = entry.region().orElse(strings.getString("signin.noRegion"));
        if (entry.profile().kind() == ProfileKind.LOCAL_SANDBOX) {
            return Strings.format(strings, "signin.entry.sandbox", entry.profile().description());
        }
        String description = entry.profile().description();
        return entry.profile().kind().label() + " · " + region
                + (description.isBlank() || description.equals(entry.profile().kind().label()) ? "" : " · " + description);
    }
}
