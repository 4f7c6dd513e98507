import { describe, expect, it } from 'vitest';
import { libraryProblem } from '../e2e/browser';

// `ldd` on the npm Chromium, as printed on this Debian 12 machine; the missing case was taken with libnss3 and
// libnspr4 hidden from the loader (a private mount namespace), as on a bare Linux install.
const lddAllFound = `	linux-vdso.so.1 (0x00007f96dccdf000)
	libdl.so.2 => /lib/x86_64-linux-gnu/libdl.so.2 (0x00007f96dccc9000)
	libpthread.so.0 => /lib/x86_64-linux-gnu/libpthread.so.0 (0x00007f96dccc4000)
	libnspr4.so => /lib/x86_64-linux-gnu/libnspr4.so (0x00007f96dcc82000)
	libnss3.so => /lib/x86_64-linux-gnu/libnss3.so (0x00007f96d00a7000)
	libnssutil3.so => /lib/x86_64-linux-gnu/libnssutil3.so (0x00007f96dcc50000)
	libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f96cffc7000)
	libexpat.so.1 => /lib/x86_64-linux-gnu/libexpat.so.1 (0x00007f96dcc23000)
	libgcc_s.so.1 => /lib/x86_64-linux-gnu/libgcc_s.so.1 (0x00007f96dcc03000)
	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f96cfde5000)
	/lib64/ld-linux-x86-64.so.2 (0x00007f96dcce1000)
	libplc4.so => /lib/x86_64-linux-gnu/libplc4.so (0x00007f96dcbfc000)
	libplds4.so => /lib/x86_64-linux-gnu/libplds4.so (0x00007f96dcbf7000)
`;
const lddWithoutNss = `	linux-vdso.so.1 (0x00007f0b5d31a000)
	libdl.so.2 => /lib/x86_64-linux-gnu/libdl.so.2 (0x00007f0b5d304000)
	libpthread.so.0 => /lib/x86_64-linux-gnu/libpthread.so.0 (0x00007f0b5d2ff000)
	libnspr4.so => not found
	libnss3.so => not found
	libnssutil3.so => not found
	libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f0b5d21d000)
	libexpat.so.1 => /lib/x86_64-linux-gnu/libexpat.so.1 (0x00007f0b5d1f2000)
	libgcc_s.so.1 => /lib/x86_64-linux-gnu/libgcc_s.so.1 (0x00007f0b507e0000)
	libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f0b505fe000)
	/lib64/ld-linux-x86-64.so.2 (0x00007f0b5d31c000)
`;

describe('the end-to-end browser on a machine that lacks its libraries', () => {
  it('says nothing when every library is there', () => {
    expect(libraryProblem(lddAllFound)).toBeUndefined();
  });

  it('names the packages to install in one line, each once', () => {
    expect(libraryProblem(lddWithoutNss)).toBe('Chromium for the end-to-end tests needs libnspr4, libnss3: sudo apt-get install libnspr4 libnss3');
  });

  it('names a library it has no package for rather than guessing one', () => {
    const problem = libraryProblem(lddAllFound.replace('libexpat.so.1 => /lib/x86_64-linux-gnu/libexpat.so.1 (0x00007f96dcc23000)', 'libexpat.so.1 => not found').replace('libm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f96cffc7000)', 'libfoo.so.7 => not found'));
    expect(problem).toBe('Chromium for the end-to-end tests needs libexpat1, libfoo.so.7: sudo apt-get install libexpat1 and install the package that provides libfoo.so.7');
    expect(problem).not.toContain('\n');
  });

  it('says when the C library itself is too old', () => {
    const ldd = `/x/chromium: /lib/x86_64-linux-gnu/libc.so.6: version \`GLIBC_2.34' not found (required by /x/chromium)\n${lddAllFound}`;
    expect(libraryProblem(ldd)).toBe('Chromium for the end-to-end tests needs glibc 2.34 or newer; this Linux is too old to run it.');
  });
});
