import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites a signed jar without its signature files. The JVM's AOT cache skips every class of a signed
 * jar, and checking the signature costs about 100 ms at each start; the jar's integrity is already
 * checked when Maven downloads it. Usage: java installer/UnsignJar.java <jar>…
 */
public final class UnsignJar {

    public static void main(String[] args) throws IOException {
        for (String arg : args) {
            unsign(Path.of(arg));
        }
    }

    private static void unsign(Path jar) throws IOException {
        Path unsigned = jar.resolveSibling(jar.getFileName() + ".unsigned");
        boolean signed = false;
        try (ZipFile in = new ZipFile(jar.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(unsigned))) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith("META-INF/") && name.indexOf('/', 9) < 0 && name.matches("(?i).*\\.(sf|rsa|dsa|ec)$")) {
                    signed = true;
                    continue;
                }
                out.putNextEntry(new ZipEntry(name));
                try (var data = in.getInputStream(entry)) {
                    data.transferTo(out);
                }
                out.closeEntry();
            }
        }
        if (signed) {
            Files.move(unsigned, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            System.out.println("    unsigned " + jar.getFileName());
        } else {
            Files.delete(unsigned);
        }
    }
}
