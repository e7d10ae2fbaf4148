import * as fc from 'fast-check';

/*
 * Every property test replays one fixed seed, so a red CI run is a regression rather than an
 * unlucky draw. PROPERTY_SEED=<integer> (and PROPERTY_RUNS where a suite reads it) explores other
 * inputs; fast-check prints the seed and path of any counterexample it finds.
 */
fc.configureGlobal({ seed: Number(process.env.PROPERTY_SEED || 20261201) });
