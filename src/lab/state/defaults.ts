/**
 * What a freshly installed host reports before opsctl manages anything: typical AIX 7.2
 * tunable defaults (`no -a`, `vmo -a`, `ioo -a`, `lsattr -El sys0`) and Linux sysctl values.
 * The desired state overlays these, so `no -a` on a lab host lists everything a real one does.
 */

function table(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of text.trim().split(/\s+/)) {
    const eq = pair.indexOf('=');
    out[pair.slice(0, eq)] = pair.slice(eq + 1).replace(/~/g, ' ');
  }
  return out;
}

export const AIX_NO = table(`
arpqsize=1024 arpt_killc=20 arptab_bsiz=7 arptab_nb=149 bcastping=0 clean_partial_conns=0
delayack=0 delayackports={} dgd_packets_lost=3 dgd_ping_time=5 dgd_retry_time=5
directed_broadcast=0 fasttimo=200 icmp6_errmsg_rate=10 icmpaddressmask=0
ie5_old_multicast_mapping=0 ifsize=256 ip6_defttl=64 ip6_prune=1 ip6forwarding=0
ip6srcrouteforward=1 ip_ifdelete_notify=0 ip_nfrag=200 ipforwarding=0 ipfragttl=2
ipignoreredirects=0 ipqmaxlen=100 ipsendredirects=1 ipsrcrouteforward=1 ipsrcrouterecv=0
ipsrcroutesend=1 limited_ss=0 llsleep_timeout=3 lo_perf=1 lowthresh=90 main_if6=0 main_site6=0
maxnip6q=20 maxttl=255 medthresh=95 mpr_policy=1 multi_homed=1 nbc_limit=786432
nbc_max_cache=131072 nbc_min_cache=1 nbc_ofile_hashsz=12841 nbc_pseg=0 nbc_pseg_limit=1048576
ndd_event_name={all} ndd_event_tracing=0 ndogthreads=0 ndp_mmaxtries=3 ndp_umaxtries=3
ndpqsize=50 ndpt_down=3 ndpt_keep=120 ndpt_probe=5 ndpt_reachable=30 ndpt_retrans=1
net_buf_size={all} net_buf_type={all} net_malloc_frag_mask={0} netm_page_promote=1
nonlocsrcroute=0 nstrpush=8 passive_dgd=0 pmtu_default_age=10 pmtu_expire=10
pmtu_rediscover_interval=30 psebufcalls=20 psecache=1 psetimers=20 rfc1122addrchk=0 rfc1323=0
rfc2414=1 route_expire=1 routerevalidate=0 rtentry_lock_complex=1 rto_high=64 rto_length=13
rto_limit=7 rto_low=1 sack=0 sb_max=1048576 send_file_duration=300 site6_index=0 sockthresh=85
sodebug=0 sodebug_env=0 somaxconn=1024 strctlsz=1024 strmsgsz=0 strthresh=85 strturncnt=15
subnetsarelocal=1 tcp_bad_port_limit=0 tcp_cwnd_modified=0 tcp_ecn=0 tcp_ephemeral_high=65535
tcp_ephemeral_low=32768 tcp_fastlo=0 tcp_fastlo_crosswpar=0 tcp_finwait2=1200 tcp_icmpsecure=0
tcp_init_window=0 tcp_inpcb_hashtab_siz=24499 tcp_keepcnt=8 tcp_keepidle=14400 tcp_keepinit=150
tcp_keepintvl=150 tcp_limited_transmit=1 tcp_low_rto=0 tcp_maxburst=0 tcp_mssdflt=1460
tcp_nagle_limit=65535 tcp_nagleoverride=0 tcp_ndebug=100 tcp_newreno=1 tcp_nodelayack=0
tcp_pmtu_discover=1 tcp_recvspace=16384 tcp_sendspace=16384 tcp_tcpsecure=0 tcp_timewait=1
tcp_ttl=60 tcprexmtthresh=3 tcptr_enable=0 thewall=1048576 timer_wheel_tick=0 tn_filter=1
udp_bad_port_limit=0 udp_ephemeral_high=65535 udp_ephemeral_low=32768
udp_inpcb_hashtab_siz=24499 udp_pmtu_discover=1 udp_recv_perf=0 udp_sendmore=0 udp_ttl=30
udpcksum=1 udprecvspace=42080 udpsendspace=9216 use_sndbufpool=1
`);

export const AIX_VMO = table(`
ame_cpus_per_pool=n/a ame_maxfree_mem=n/a ame_min_ucpool_size=n/a ame_minfree_mem=n/a
ams_loan_policy=n/a enhanced_affinity_affin_time=1 enhanced_affinity_vmpool_limit=10
esid_allocator=1 force_relalias_lite=0 kernel_heap_psize=65536 kernel_psize=65536
large_page_heap_size=0 lgpg_regions=0 lgpg_size=0 low_ps_handling=1 maxclient%=90 maxfree=1088
maxperm%=90 maxpin%=90 memplace_data=0 memplace_mapped_file=0 memplace_shm_anonymous=0
memplace_shm_named=0 memplace_stack=0 memplace_text=0 memplace_unmapped_file=0 minfree=960
minperm%=3 msem_nlocks=0 nokilluid=0 npskill=1024 npswarn=4096 num_locks_per_semid=1
numpsblks=4194304 pinnable_frames=7654321 relalias_percentage=0 scrub=0 v_pinshm=0
vmm_default_pspa=0 vmm_klock_mode=2 wlm_memlimit_nonpg=1
`);

export const AIX_IOO = table(`
aio_active=0 aio_maxreqs=131072 aio_maxservers=30 aio_minservers=3 aio_server_inactivity=300
dk_closed_path_recovery=0 dk_lbp_enabled=1 dk_lbp_num_bufs=512 j2_atimeUpdateSymlink=0
j2_dynamicBufferPreallocation=16 j2_inodeCacheSize=200 j2_maxPageReadAhead=128
j2_maxRandomWrite=0 j2_metadataCacheSize=200 j2_minPageReadAhead=2
j2_nPagesPerWriteBehindCluster=32 j2_nRandomCluster=0 j2_recoveryMode=1 j2_syncPageCount=0
j2_syncPageLimit=16 lvm_bufcnt=9 maxpgahead=8 maxrandwrt=0 numclust=1 numfsbufs=196
pd_npages=4096 posix_aio_active=0 posix_aio_maxreqs=131072 posix_aio_maxservers=30
posix_aio_minservers=3 posix_aio_server_inactivity=300
`);

export const AIX_SYS0 = table(`
SW_dist_intr=false autorestart=true boottype=disk capacity_inc=1.00 capped=false
conslogin=enable cpuguard=enable dedicated=false enhanced_RBAC=true fullcore=true
iostat=false keylock=normal max_capacity=8.00 max_logname=9 maxbuf=20 maxmbuf=0 maxpout=8193
maxuproc=2048 min_capacity=1.00 minpout=4096 ncargs=256 nfs4_acl_compat=secure
pre430core=false pre520tune=disable realmem=67108864 rtasversion=1 sed_config=select
systemid=IBM,0278ABCDE variable_weight=128
`);

export const LINUX_SYSCTL = table(`
fs.aio-max-nr=65536 fs.file-max=6553600 kernel.panic_on_oops=1 kernel.pid_max=131072
kernel.sem=250~32000~32~128 kernel.shmall=18446744073692774399
kernel.shmmax=18446744073692774399 kernel.shmmni=4096 net.core.rmem_default=212992
net.core.rmem_max=212992 net.core.somaxconn=128 net.core.wmem_default=212992
net.core.wmem_max=212992 net.ipv4.ip_local_port_range=32768~60999
net.ipv4.tcp_fin_timeout=60 net.ipv4.tcp_keepalive_intvl=75 net.ipv4.tcp_keepalive_probes=9
net.ipv4.tcp_keepalive_time=7200 net.ipv4.tcp_max_syn_backlog=512 vm.dirty_background_ratio=10
vm.dirty_ratio=20 vm.min_free_kbytes=67584 vm.overcommit_memory=0 vm.swappiness=30
`);

/** The ordinary file systems of a host, before the application mounts in desired state. */
export const AIX_FILESYSTEMS: Array<[mount: string, device: string, sizeMb: number]> = [
  ['/', '/dev/hd4', 4096],
  ['/usr', '/dev/hd2', 8192],
  ['/var', '/dev/hd9var', 4096],
  ['/tmp', '/dev/hd3', 8192],
  ['/home', '/dev/hd1', 2048],
  ['/admin', '/dev/hd11admin', 512],
  ['/opt', '/dev/hd10opt', 4096],
  ['/var/adm/ras/livedump', '/dev/livedump', 512],
];

export const LINUX_FILESYSTEMS: Array<[mount: string, device: string, sizeMb: number]> = [
  ['/', '/dev/mapper/rootvg-root', 51200],
  ['/boot', '/dev/sda1', 1014],
  ['/var', '/dev/mapper/rootvg-var', 20480],
  ['/tmp', '/dev/mapper/rootvg-tmp', 10240],
  ['/home', '/dev/mapper/rootvg-home', 10240],
];
