package xyz.cavos.wallet.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.URL;
import java.util.Arrays;
import java.util.List;
import javafx.css.CssParser;
import javafx.css.ParsedValue;
import javafx.css.Rule;
import javafx.css.Stylesheet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The binary stylesheets the build makes (.mvn/CompileStylesheets.java), which JavaFX reads in place of the CSS: each
 * holds the same rules, selector for selector and value for value, as the CSS it was made from (a .bss older than its
 * CSS, or a conversion that loses something, fails here).
 */
class StylesheetsTest {

    @ParameterizedTest
    @ValueSource(strings = {"app", "notices"})
    void theAppsOwnStylesheetsAreReadFromBinaryFormsWithTheSameRules(String name) throws IOException {
        URL css = StylesheetsTest.class.getResource(name + ".css");
        URL bss = StylesheetsTest.class.getResource(name + ".bss");
        assertNotNull(bss, name + ".bss beside " + name + ".css");
        assertSameRules(parse(css), Stylesheet.loadBinary(bss));
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void theThemesAreAtlantaFxsPrimerInBinaryForm(boolean dark) throws IOException {
        String used = Theme.userAgentStylesheet(dark);
        assertTrue(used.endsWith(".bss"), used);
        String primer = dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
        URL css = StylesheetsTest.class.getResource(primer.startsWith("/") ? primer : "/" + primer);
        assertSameRules(parse(css), Stylesheet.loadBinary(URI.create(used).toURL()));
    }

    private static Stylesheet parse(URL css) throws IOException {
        try (var in = css.openStream()) {
            return new CssParser().parse(css.toExternalForm(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A rule's selectors and each of its declarations, property, value and importance. */
    private static String describe(Rule rule) {
        return rule.getSelectors() + " " + rule.getDeclarations().stream()
                .map(d -> d.getProperty() + ": " + describe(d.getParsedValue()) + (d.isImportant() ? " !important" : "")).toList();
    }

    /** A parsed value as what it holds, nested values and arrays of them opened, and the converter's class. */
    private static String describe(Object value) {
        if (value instanceof ParsedValue<?, ?> parsed) {
            String converter = parsed.getConverter() == null ? "" : parsed.getConverter().getClass().getSimpleName();
            return converter + "(" + describe(parsed.getValue()) + ")";
        }
        if (value instanceof Object[] values) {
            return Arrays.stream(values).map(StylesheetsTest::describe).toList().toString();
        }
        return String.valueOf(value);
    }

    private static void assertSameRules(Stylesheet parsed, Stylesheet binary) {
        // a url() is read against the sheet it is in: the same words, where the sheet's own address stands
        List<String> want = parsed.getRules().stream().map(r -> describe(r).replace(parsed.getUrl(), "(this sheet)")).toList();
        List<String> got = binary.getRules().stream().map(r -> describe(r).replace(binary.getUrl(), "(this sheet)")).toList();
        assertTrue(want.size() > 0);
        assertEquals(want, got);
    }
}
