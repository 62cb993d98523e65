package xyz.cavos.wallet.starknet;

/** Which block a read refers to: a tag, a number or a hash. */
public sealed interface BlockId {

    BlockId LATEST = new Tag("latest");
    BlockId PRE_CONFIRMED = new Tag("pre_confirmed");
    BlockId L1_ACCEPTED = new Tag("l1_accepted");

    static BlockId number(long number) {
        return new Number(number);
    }

    static BlockId hash(Felt hash) {
        return new Hash(hash);
    }

    record Tag(String name) implements BlockId {

        // written out, as a record's would be: the generated ones are linked at their first call, which costs a
        // command-line start milliseconds, and every snapshot compares its tag
        @Override
        public boolean equals(Object other) {
            return other instanceof Tag that && java.util.Objects.equals(name, that.name);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hashCode(name);
        }
    }

    record Number(long number) implements BlockId {
        public Number {
            if (number < 0) {
                throw new InvalidValueException("Block number " + number + " must not be negative");
            }
        }
    }

    record Hash(Felt hash) implements BlockId {
    }
}
