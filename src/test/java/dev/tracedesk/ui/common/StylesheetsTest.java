package dev.tracedesk.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.util.List;
import java.util.stream.Collectors;
import javafx.css.CssParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * JavaFX drops every rule after a syntax error and only logs a warning, so a lost brace silently unstyles whole
 * screens. Parse each sheet and fail on any error.
 */
class StylesheetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/css/app.css", "/css/light.css", "/css/dark.css"})
    void parsesWithoutErrors(String sheet) throws IOException {
        URL url = getClass().getResource(sheet);
        assertThat(url).as(sheet).isNotNull();
        CssParser.errorsProperty().clear();

        var stylesheet = new CssParser().parse(url);

        List<String> errors = CssParser.errorsProperty().stream().map(Object::toString).collect(Collectors.toList());
        assertThat(errors).as("CSS errors in " + sheet).isEmpty();
        assertThat(stylesheet.getRules()).isNotEmpty();
    }
}
