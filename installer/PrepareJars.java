import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the application's jars into one folder in the form the JVM's AOT cache can hold, and writes the class
 * path that names them. Two kinds of class the cache skips are rewritten:
 * <ul>
 *   <li>classes of a signed jar: the signature files are dropped (checking them also costs about 100 ms at each
 *       start; Maven checked the jar when it downloaded it), and so are the manifest's sections that only hold a
 *       digest for one entry (BouncyCastle's run to 800 KB; a JVM started with the cache reads each jar's manifest);</li>
 *   <li>classes compiled for Java 5 or older (class-file version below 50, such as picocli's): the cache cannot link
 *       them, nor anything that implements their interfaces. Each one is written again as a Java 8 class file (52)
 *       with the stack maps such a class needs, computed by the JDK's own {@code java.lang.classfile}. Nothing else
 *       in the class changes: Java 5 class files hold no construct that Java 8 forbids but {@code jsr}/{@code ret},
 *       which no javac of the last twenty years emits; a class that has them is left as it is.</li>
 * </ul>
 * A jar that needs neither is copied as it is.
 *
 * <p>Usage: {@code java installer/PrepareJars.java MAIN_JAR DEPENDENCIES_FILE OUT_DIR CLASSPATH_FILE}: the
 * dependencies file holds Maven's class path (jar paths separated by the platform's path separator); the jars go to
 * {@code OUT_DIR}, and {@code CLASSPATH_FILE} receives the class path, the main jar first, as absolute paths (the
 * checkout's {@code ./cavos}). Or {@code java installer/PrepareJars.java --in-place JAR...} (the installer).
 */
public final class PrepareJars {

    private static final int OLDEST_ARCHIVABLE = 50;
    private static final int REWRITTEN_VERSION = 52;
    private static final String MANIFEST = "META-INF/MANIFEST.MF";

    public static void main(String[] args) throws IOException {
        if (args.length >= 1 && args[0].equals("--in-place")) {
            List<Path> jars = java.util.Arrays.stream(args).skip(1).map(Path::of).toList();
            for (Path jar : jars) {
                Path prepared = jar.resolveSibling(jar.getFileName() + ".prepared");
                if (prepare(jar, prepared, jars)) {
                    Files.move(prepared, jar, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.delete(prepared);
                }
            }
            return;
        }
        if (args.length != 4) {
            System.err.println("Usage: java installer/PrepareJars.java MAIN_JAR DEPENDENCIES_FILE OUT_DIR CLASSPATH_FILE");
            System.err.println("   or: java installer/PrepareJars.java --in-place JAR...");
            System.exit(2);
        }
        Path mainJar = Path.of(args[0]).toAbsolutePath();
        List<Path> dependencies = new ArrayList<>();
        for (String entry : Files.readString(Path.of(args[1])).strip().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                dependencies.add(Path.of(entry));
            }
        }
        Path out = Path.of(args[2]).toAbsolutePath();
        Files.createDirectories(out);
        try (var stale = Files.list(out)) {
            for (Path old : stale.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.delete(old);
            }
        }
        List<String> classpath = new ArrayList<>();
        classpath.add(mainJar.toString());
        java.util.Set<Path> names = new java.util.HashSet<>();
        for (Path jar : dependencies) {
            Path target = out.resolve(jar.getFileName());
            if (!names.add(jar.getFileName())) {
                throw new IllegalStateException("Two dependencies are named " + jar.getFileName() + ": rename one in " + out);
            }
            prepare(jar, target, dependencies);
            classpath.add(target.toString());
        }
        Files.writeString(Path.of(args[3]), String.join(java.io.File.pathSeparator, classpath) + System.lineSeparator());
    }

    /** Writes the jar to {@code target}, prepared; whether anything in it had to change. */
    private static boolean prepare(Path jar, Path target, List<Path> classpath) throws IOException {
        if (!needsRewriting(jar)) {
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            return false;
        }
        boolean changed = false;
        int rewritten = 0;
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try (ZipFile in = new ZipFile(jar.toFile());
             ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(partial));
             URLClassLoader loader = new URLClassLoader(urls(classpath), ClassLoader.getPlatformClassLoader())) {
            ClassFile classFile = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofResourceParsing(loader)).cached()));
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                if (isSignatureFile(name)) {
                    changed = true;
                    continue;
                }
                byte[] data;
                try (var stream = in.getInputStream(entry)) {
                    data = stream.readAllBytes();
                }
                if (name.equalsIgnoreCase(MANIFEST)) {
                    byte[] lean = withoutEntryDigests(data);
                    changed |= lean != data;
                    data = lean;
                } else if (name.endsWith(".class") && !name.startsWith("META-INF/versions/")) {
                    byte[] modern = modernise(classFile, data);
                    if (modern != data) {
                        data = modern;
                        changed = true;
                        rewritten++;
                    }
                }
                ZipEntry copy = new ZipEntry(name);
                copy.setTime(entry.getTime());
                zip.putNextEntry(copy);
                zip.write(data);
                zip.closeEntry();
            }
        }
        if (changed) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            System.out.println("    " + jar.getFileName() + (rewritten > 0 ? ": " + rewritten + " Java 5 classes as Java 8" : ": without signature"));
        } else {
            Files.delete(partial);
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return changed;
    }

    /** Whether the jar is signed or holds a class older than the cache can hold. */
    private static boolean needsRewriting(Path jar) throws IOException {
        try (ZipFile in = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = in.entries(); entries.hasMoreElements(); ) {
                ZipEntry entry = entries.nextElement();
                if (isSignatureFile(entry.getName())) {
                    return true;
                }
                if (entry.getName().endsWith(".class") && !entry.getName().startsWith("META-INF/versions/")) {
                    try (var stream = in.getInputStream(entry)) {
                        if (majorVersion(stream.readNBytes(8)) < OLDEST_ARCHIVABLE) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** The manifest without the sections that hold nothing but digests, else {@code data} itself when it has none. */
    private static byte[] withoutEntryDigests(byte[] data) throws IOException {
        Manifest manifest = new Manifest(new ByteArrayInputStream(data));
        boolean removed = manifest.getEntries().values().removeIf(attributes -> !attributes.isEmpty()
                && attributes.keySet().stream().allMatch(key -> key.toString().toLowerCase(Locale.ROOT).endsWith("-digest")));
        if (!removed) {
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        manifest.write(out);
        return out.toByteArray();
    }

    /** The class as a Java 8 class file when it is older than the cache can hold, else {@code data} itself. */
    private static byte[] modernise(ClassFile classFile, byte[] data) {
        if (majorVersion(data) >= OLDEST_ARCHIVABLE) {
            return data;
        }
        try {
            return rewrite(classFile, data);
        } catch (RuntimeException cannot) {
            // e.g. a class its stack maps need is not on the class path: the class stays as it was (out of the cache)
            return data;
        }
    }

    private static byte[] rewrite(ClassFile classFile, byte[] data) {
        ClassModel model = classFile.parse(data);
        if (usesSubroutines(model)) {
            return data;
        }
        // every method body is built again (not copied as bytes), so that it gets its stack maps
        ClassTransform newVersion = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(REWRITTEN_VERSION, 0);
            } else {
                builder.with(element);
            }
        };
        return classFile.transformClass(model, ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen(newVersion));
    }

    private static boolean usesSubroutines(ClassModel model) {
        return model.methods().stream().flatMap(method -> method.code().stream())
                .flatMap(code -> code.elementStream())
                .anyMatch(element -> element instanceof java.lang.classfile.instruction.DiscontinuedInstruction);
    }

    /** The class file's major version, from its header; {@link Integer#MAX_VALUE} (left alone) when it has none. */
    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    private static boolean isSignatureFile(String name) {
        return name.matches("(?i)META-INF/([^/]+\\.(sf|rsa|dsa|ec)|sig-[^/]+)");
    }

    private static URL[] urls(List<Path> jars) throws IOException {
        URL[] urls = new URL[jars.size()];
        for (int i = 0; i < urls.length; i++) {
            urls[i] = jars.get(i).toUri().toURL();
        }
        return urls;
    }
}
