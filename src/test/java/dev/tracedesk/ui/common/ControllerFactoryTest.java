package dev.tracedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ControllerFactoryTest {

    static final class Known {
        final String dependency;

        Known(String dependency) {
            this.dependency = dependency;
        }
    }

    @Test
    void buildsARegisteredControllerWithItsDependencies() {
        ControllerFactory factory = new ControllerFactory().register(Known.class, () -> new Known("model"));

        assertThat(factory.call(Known.class)).isInstanceOfSatisfying(Known.class,
                k -> assertThat(k.dependency).isEqualTo("model"));
    }

    @Test
    void unknownControllerFailsFast() {
        ControllerFactory factory = new ControllerFactory();

        assertThatThrownBy(() -> factory.call(Known.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(Known.class.getName());
    }

    @Test
    void registeringTwiceIsAnError() {
        ControllerFactory factory = new ControllerFactory().register(Known.class, () -> new Known("a"));

        assertThatThrownBy(() -> factory.register(Known.class, () -> new Known("b")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyFxmlFileExists() {
        for (FxmlView view : FxmlView.values()) {
            assertThat(view.url()).as(view.name()).isNotNull();
        }
        for (Theme theme : Theme.values()) {
            assertThat(theme.stylesheet()).endsWith("/css/" + theme.id() + ".css");
        }
    }
}
