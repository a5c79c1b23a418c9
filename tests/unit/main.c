/* main.c - runs every Check suite the unit-test files define. */
#include <check.h>
#include <locale.h>
#include <stdlib.h>

#define SUITE(name) Suite *name(void);
#include "unit_suites.h"
#undef SUITE

int main(void)
{
	/* Widths are measured as the program measures them: UTF-8 ctype. */
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	SRunner *sr = srunner_create(NULL);
#define SUITE(name) srunner_add_suite(sr, name());
#include "unit_suites.h"
#undef SUITE
	srunner_run_all(sr, CK_ENV);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
