import { configure } from '@testing-library/react';
import '@testing-library/jest-dom';

// Pages of the test app load their extensions lazily; on a shared, busy CI machine
// that takes longer than testing-library's default of one second.
configure({ asyncUtilTimeout: 10_000 });
// A test may wait for several such steps (type, debounce, request, render).
jest.setTimeout(30_000);
