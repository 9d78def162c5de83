# A Debian package of what `cmake --install` installs: merchsim, merchsim-cli, the .desktop file
# and the icon. Library dependencies are found by dpkg-shlibdeps from the binaries.
set(CPACK_PACKAGE_NAME "merchsim")
set(CPACK_PACKAGE_VENDOR "MerchSim")
set(CPACK_PACKAGE_CONTACT "MerchSim maintainers <maintainers@merchsim.app>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Merchandising simulator: audit, personalization models, A/B lift and costs on a store's data")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
include(CPack)
