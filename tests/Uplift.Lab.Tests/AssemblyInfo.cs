// The lab tests share one machine-wide account (uplift-lab) and the 127.0.10.x addresses: one lab at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
