import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * The app's stylesheets in JavaFX's binary form (.bss, what JavaFX's own Modena theme ships as), which JavaFX reads
 * instead of parsing CSS text before the first frame. AtlantaFX ships its Primer themes as CSS (165 KB, 1,072 rules
 * each): they are converted with JavaFX's own converter to {@code THEME_DIR/primer-light.bss} and {@code primer-dark.bss},
 * where {@code xyz.cavos.wallet.ui.Theme} looks. The app's own stylesheets under {@code OWN_DIR} get a .bss beside each
 * .css, which JavaFX reads in its place when asked for the .css.
 * Run by the build (process-classes). Usage: java .mvn/CompileStylesheets.java DEPENDENCIES_FILE THEME_DIR OWN_DIR
 */
public final class CompileStylesheets {

    public static void main(String[] args) throws Exception {
        List<Path> jars = new ArrayList<>();
        for (String entry : Files.readString(Path.of(args[0])).strip().split(File.pathSeparator)) {
            jars.add(Path.of(entry));
        }
        Path atlantafx = jars.stream().filter(j -> j.getFileName().toString().startsWith("atlantafx-base")).findFirst()
                .orElseThrow(() -> new IllegalStateException("atlantafx-base is not among the dependencies"));
        List<URL> javafx = new ArrayList<>();
        for (Path jar : jars) {
            if (jar.getFileName().toString().startsWith("javafx-")) {
                javafx.add(jar.toUri().toURL());
            }
        }
        Path out = Files.createDirectories(Path.of(args[1]));
        Path work = Files.createTempDirectory("stylesheets");
        try (URLClassLoader loader = new URLClassLoader(javafx.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
             ZipFile zip = new ZipFile(atlantafx.toFile())) {
            Method convert = loader.loadClass("com.sun.javafx.css.parser.Css2Bin").getMethod("convertToBinary", String.class, String.class);
            for (String theme : List.of("primer-light", "primer-dark")) {
                Path css = work.resolve(theme + ".css");
                try (InputStream in = zip.getInputStream(zip.getEntry("atlantafx/base/theme/" + theme + ".css"))) {
                    Files.copy(in, css, StandardCopyOption.REPLACE_EXISTING);
                }
                Path bss = work.resolve(theme + ".bss");
                convert.invoke(null, css.toString(), bss.toString());
                Files.move(bss, out.resolve(theme + ".bss"), StandardCopyOption.REPLACE_EXISTING);
            }
            try (var own = Files.list(Path.of(args[2]))) {
                for (Path css : own.filter(p -> p.getFileName().toString().endsWith(".css")).toList()) {
                    String name = css.getFileName().toString().replaceAll("\\.css$", ".bss");
                    Path bss = work.resolve(name);
                    convert.invoke(null, css.toString(), bss.toString());
                    Files.move(bss, css.resolveSibling(name), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } finally {
            try (var files = Files.list(work)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(work);
        }
    }
}
