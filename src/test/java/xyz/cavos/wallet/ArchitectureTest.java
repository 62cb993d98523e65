package xyz.cavos.wallet;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages point one way: starknet ← cavos ← wallet ← {ui, cli} ← app; store is used by
 * the wallet (and wired by the launchers); the sandbox only by the launchers; JavaFX only in ui and app; view-models touch no controls.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("xyz.cavos.wallet");
    }

    @Test
    void layersDependOnlyDownwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("starknet").definedBy("xyz.cavos.wallet.starknet..")
                .layer("cavos").definedBy("xyz.cavos.wallet.cavos..")
                .layer("store").definedBy("xyz.cavos.wallet.store..")
                .layer("wallet").definedBy("xyz.cavos.wallet.wallet..")
                .layer("sandbox").definedBy("xyz.cavos.wallet.sandbox..")
                .layer("ui").definedBy("xyz.cavos.wallet.ui..")
                .layer("cli").definedBy("xyz.cavos.wallet.cli..")
                .layer("app").definedBy("xyz.cavos.wallet.app..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("ui").mayOnlyBeAccessedByLayers("app")
                .whereLayer("cli").mayOnlyBeAccessedByLayers("app")
                .whereLayer("sandbox").mayOnlyBeAccessedByLayers("app")
                .whereLayer("wallet").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("store").mayOnlyBeAccessedByLayers("wallet", "app")
                .whereLayer("cavos").mayOnlyBeAccessedByLayers("store", "wallet", "sandbox", "ui", "cli", "app")
                .check(classes);
    }

    @Test
    void javafxOnlyInTheAppAndItsLauncher() {
        noClasses().that().resideOutsideOfPackages("xyz.cavos.wallet.ui..", "xyz.cavos.wallet.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .check(classes);
    }

    @Test
    void viewModelsTouchNoControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "atlantafx..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void theStarknetLayerNamesNoCommandOrFlag() throws IOException {
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
        List<String> offending;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/xyz/cavos/wallet/starknet"))) {
            offending = files.filter(f -> f.toString().endsWith(".java")).flatMap(ArchitectureTest::lines)
                    .filter(line -> {
                        Matcher m = literal.matcher(line);
                        while (m.find()) {
                            if (m.group(1).contains("cavos ") || m.group(1).matches(".*(^|\\s)--[a-z].*")) {
                                return true;
                            }
                        }
                        return false;
                    }).toList();
        }
        assertEquals(List.of(), offending);
    }

    private static Stream<String> lines(Path file) {
        try {
            return Files.readAllLines(file).stream().map(line -> file.getFileName() + ": " + line.strip());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
