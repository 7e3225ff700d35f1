// Several tests here (the reader's and the evidence writer's "no allocation per row") measure allocations with
// GC.GetTotalAllocatedBytes, which counts the whole process: test classes running beside them would make them flaky,
// so this assembly's tests run one class at a time. They take seconds either way.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
