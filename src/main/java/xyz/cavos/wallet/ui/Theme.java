package xyz.cavos.wallet.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.net.URL;

/**
 * The app's light and dark themes (AtlantaFX's Primer) as user-agent stylesheets. The build compiles them to JavaFX's
 * binary form ({@code theme/primer-*.bss}, by {@code .mvn/CompileStylesheets.java}), which JavaFX reads without parsing
 * 165 KB of CSS before the first frame; without them (a build that skipped the step) the CSS is used.
 */
public final class Theme {

    private Theme() {
    }

    /** The user-agent stylesheet for the light or the dark theme. */
    public static String userAgentStylesheet(boolean dark) {
        URL compiled = Theme.class.getResource("theme/primer-" + (dark ? "dark" : "light") + ".bss");
        if (compiled != null) {
            return compiled.toExternalForm();
        }
        return dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }
}
