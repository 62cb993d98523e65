package xyz.cavos.wallet.cli;

import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import xyz.cavos.wallet.Version;

/**
 * A command of {@code cavos}, declared in code. Its constructor names and describes it; its fields declare its options
 * and parameters ({@link #option}, {@link #flag}, {@link #parameter}, {@link #add}) and hold their values once the
 * command line is parsed; its subcommands are added with {@link #subcommand}. Together they are its picocli model
 * ({@link #spec}), built directly: commands carry no picocli annotations, because reading annotations (each annotation
 * type becomes a proxy class generated while the JVM runs) would be most of the time a short command takes.
 *
 * <p>A command runs as picocli runs its object: {@link Runnable#run} or {@link java.util.concurrent.Callable#call}.
 */
public abstract class CliCommand {

    static {
        // no command is a Groovy closure: without this, picocli looks for Groovy's Closure class when it first makes a
        // command, and the miss opens every jar on the class path (the classes themselves come from the start-up cache,
        // and need none opened)
        System.setProperty("picocli.disable.closures", "true");
    }

    private final CommandSpec spec;

    /** A command with the standard {@code -h, --help} and {@code -V, --version} options; its version is the build's. */
    protected CliCommand(String name, String... description) {
        this(name);
        spec.usageMessage().description(description);
        spec.versionProvider(() -> new String[] {"cavos " + Version.current()});
        add(OptionSpec.builder("-h", "--help").usageHelp(true).description("Show this help message and exit."));
        add(OptionSpec.builder("-V", "--version").versionHelp(true).description("Print version information and exit."));
    }

    /** A command with no option yet. */
    CliCommand(String name) {
        this.spec = CommandSpec.wrapWithoutInspection(this).name(name);
    }

    /** The command's picocli model. */
    public final CommandSpec spec() {
        return spec;
    }

    public final String name() {
        return spec.name();
    }

    /** Adds a subcommand under its name. */
    protected final void subcommand(CliCommand command) {
        spec.addSubcommand(command.name(), command.spec());
    }

    /** An optional option that takes one text value, e.g. {@code --name=NAME}. */
    protected final Arg<String> option(String name, String paramLabel, String... description) {
        return add(OptionSpec.builder(name).type(String.class).paramLabel(paramLabel).description(description));
    }

    /** An option that must be given, taking one text value. */
    protected final Arg<String> requiredOption(String name, String paramLabel, String... description) {
        return add(OptionSpec.builder(name).type(String.class).paramLabel(paramLabel).required(true).description(description));
    }

    /** An option without a value: false unless given. */
    protected final Arg<Boolean> flag(String name, String... description) {
        return add(OptionSpec.builder(name).type(boolean.class).initialValue(false).description(description));
    }

    /** The positional parameter at {@code index}: one text value, required. */
    protected final Arg<String> parameter(int index, String paramLabel, String... description) {
        return add(PositionalParamSpec.builder().index(String.valueOf(index)).arity("1").required(true).type(String.class).paramLabel(paramLabel)
                .description(description));
    }

    /** Adds an option as built. */
    protected final <T> Arg<T> add(OptionSpec.Builder option) {
        OptionSpec built = option.build();
        spec.addOption(built);
        return new Arg<>(built);
    }

    /** Adds a positional parameter as built. */
    protected final <T> Arg<T> add(PositionalParamSpec.Builder parameter) {
        PositionalParamSpec built = parameter.build();
        spec.addPositional(built);
        return new Arg<>(built);
    }

    /** Adds a group of options (made with {@link Arg#of}), given together or one instead of another. */
    protected final void add(ArgGroupSpec group) {
        spec.addArgGroup(group);
    }

    /** An option or positional parameter, and its value once the command line is parsed. */
    public static final class Arg<T> {
        private final ArgSpec spec;

        private Arg(ArgSpec spec) {
            this.spec = spec;
        }

        /** An option for an {@link ArgGroupSpec}: the group adds it to the command. */
        static <T> Arg<T> of(OptionSpec.Builder option) {
            return new Arg<>(option.build());
        }

        ArgSpec spec() {
            return spec;
        }

        /** The value given, else the default; null when neither. */
        public T value() {
            return spec.getValue();
        }

        public Optional<T> given() {
            return Optional.ofNullable(value());
        }

        /** The values of an option that takes several, empty when none was given. */
        public static <E> List<E> values(Arg<List<E>> arg) {
            List<E> values = arg.value();
            return values == null ? List.of() : values;
        }
    }
}
