package org.haochaping.contract;

import org.haochaping.contract.ContractOperations.Slot;

/**
 * One change to a valid request: {@code slot} set to {@code value} ({@link #ABSENT} leaves it out),
 * or, without a slot, a change to the request as a whole. {@code breaksContract} says the contract
 * forbids the result, so the server must refuse it with a 4xx; otherwise any 2xx or 4xx will do.
 */
record Mutation(String label, Slot slot, Object value, boolean breaksContract) {

    /** Leaves the slot out of the request. */
    static final Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "<absent>";
        }
    };

    /** Stands for a JSON string holding an unpaired surrogate, which only a hand-written escape can carry. */
    static final String UNPAIRED_SURROGATE = "\u27E6unpaired\u27E7";

    static Mutation whole(String label, boolean breaksContract) {
        return new Mutation(label, null, null, breaksContract);
    }

    @Override
    public String toString() {
        return (slot == null ? "" : slot + ": ") + label;
    }
}
