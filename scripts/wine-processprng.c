/* A test aid for running the Windows build under wine 8, never shipped: Rust's standard library
 * (1.78 and newer) draws randomness from bcryptprimitives.dll's ProcessPrng, which wine 8 lacks
 * (real Windows has it since Windows 10). This DLL supplies it from advapi32's RtlGenRandom.
 * release-test.sh builds it with zig and puts it beside the .exe it runs. */
#include <windows.h>
BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);
__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length) {
    while (length > 0) {
        ULONG chunk = length > 0x7fffffff ? 0x7fffffff : (ULONG)length;
        if (!SystemFunction036(data, chunk)) return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
