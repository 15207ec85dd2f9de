package org.yrd.voucher.testkit;

/** Lets a forked server exit when the process that started it is gone, so nothing is left running. */
public final class ParentWatch {
    private ParentWatch() {}

    public static void exitWhenParentDies() {
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> System.exit(0)));
    }
}
