package dev.tracedesk.ui.signin;

import dev.tracedesk.explore.access.MfaPrompt;
import dev.tracedesk.ui.common.Strings;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * Asks for an MFA code in a dialog. {@link #mfaCode} is called on the sign-in worker: it runs the dialog on the FX
 * thread through a {@link FutureTask} and waits for it there, never on the FX thread. Cancelling the sign-in
 * (which interrupts the worker) closes the dialog.
 */
public final class MfaDialog implements MfaPrompt {
    private final ResourceBundle strings;
    private final Supplier<Window> owner;

    public MfaDialog(ResourceBundle strings, Supplier<Window> owner) {
        this.strings = strings;
        this.owner = owner;
    }

    @Override
    public Optional<String> mfaCode(String profileName, String mfaSerial) {
        if (Platform.isFxApplicationThread()) {
            throw new IllegalStateException("the MFA prompt waits for the user; call it off the FX thread");
        }
        AtomicReference<TextInputDialog> shown = new AtomicReference<>();
        FutureTask<Optional<String>> ask = new FutureTask<>(() -> {
            TextInputDialog dialog = create(profileName, mfaSerial);
            shown.set(dialog);
            return dialog.showAndWait().map(String::trim).filter(code -> !code.isEmpty());
        });
        Platform.runLater(ask);
        try {
            return ask.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Platform.runLater(() -> {
                ask.cancel(false);
                TextInputDialog dialog = shown.get();
                if (dialog != null) {
                    dialog.setResult(null);
                    dialog.close();
                }
            });
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the MFA dialog failed", e.getCause());
        }
    }

    private TextInputDialog create(String profileName, String mfaSerial) {
        TextInputDialog dialog = new TextInputDialog();
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.setTitle(strings.getString("mfa.title"));
        dialog.setHeaderText(Strings.format(strings, "mfa.header", profileName));
        dialog.setContentText(Strings.format(strings, "mfa.prompt", mfaSerial));
        dialog.getEditor().setId("mfaCodeField");
        dialog.getEditor().setPromptText("123456");
        dialog.getDialogPane().lookupButton(ButtonType.OK).setId("mfaOkButton");
        dialog.getDialogPane().lookupButton(ButtonType.CANCEL).setId("mfaCancelButton");
        return dialog;
    }
}
