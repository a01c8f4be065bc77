from build import Doc
d = Doc('p07', 'Khánh Hòa: Phường Vĩnh Hải đi đầu trong cải cách hành chính', '2018-12-28', ['HẢI LĂNG'])
P = 'Tỉnh Khánh Hòa'
d.locs = {
 'KH': ('tỉnh', 'province', 'Khánh Hòa', P, None),
 'NT': ('thành phố', 'district', 'Nha Trang', 'Thành phố Nha Trang', P),
 'VH': ('phường', 'commune', 'Vĩnh Hải', 'Phường Vĩnh Hải', P),
 'LT': ('phường', 'commune', 'Lộc Thọ', 'Phường Lộc Thọ', P),
 'TL': ('phường', 'commune', 'Tân Lập', 'Phường Tân Lập', P),
 'PT': ('phường', 'commune', 'Phước Tiến', 'Phường Phước Tiến', P),
 'PD': ('xã', 'commune', 'Phước Đồng', 'Xã Phước Đồng', P),
}
VH = 'Phường Vĩnh Hải'
NT = 'Thành phố Nha Trang'
d.LOC = VH
d.L('Khánh Hòa', 'KH')
d.L('Phường Vĩnh Hải', 'VH')
# para 1
d.L('Khánh Hòa', 'KH')
d.D('Năm 2018', '2018', 'year')
d.L('phường Vĩnh Hải', 'VH')
d.L('TP. Nha Trang', 'NT')
d.L('tỉnh Khánh Hòa', 'KH')
# para 2
d.O('Nguyễn Hữu Phước', 'Nguyễn Hữu Phước', 'ông', ['Bí thư Đảng ủy', 'Chủ tịch UBND phường Vĩnh Hải'])
d.L('phường Vĩnh Hải', 'VH')
d.D('năm 2018', '2018', 'year')
d.P = '2018'
d.F('7.128', 'dossier_count', 7128, 'hồ sơ', 'received')
d.F('7.128', 'dossier_count', 7128, 'hồ sơ', 'resolved')
d.F('100%', 'percentage', 100.0, metric='resolved_rate')
d.F('6.904', 'dossier_count', 6904, 'hồ sơ', 'early')
d.F('2', 'quantity', 2, 'giờ', ctx='2-3 giờ')
d.F('3', 'quantity', 3, 'giờ', ctx='2-3 giờ')
d.F('1', 'quantity', 1, 'ngày', q='lt', ctx='không quá 1 ngày')
d.F('227', 'dossier_count', 227, 'đơn', 'received', ctx='227 đơn, thư')
d.F('201/227', 'dossier_count', 201, 'đơn', 'resolved', total=227)
d.F('88,5%', 'percentage', 88.5, metric='resolved_rate')
# para 3
d.D('tháng 7/2018', '2018-07', 'month')
d.P = '2018-07'
d.SL('3', [3], ctx='mức độ 3 và')
d.SL('4', [4], ctx='và mức độ 4')
d.F('18', 'quantity', 18, 'thủ tục', sl=[3, 4])
d.D('ngày 20/12/2018', '2018-12-20', 'day')
d.P = '2018-12-20'
d.F('412', 'dossier_count', 412, 'hồ sơ', 'online')
d.F('96', 'dossier_count', 96, 'hồ sơ', 'online', sl=4)
d.SL('4', [4], ctx='hồ sơ mức độ 4')
d.L('phường Vĩnh Hải', 'VH')
d.F('15', 'quantity', 15, 'phút', q='approx')
d.L('phường Vĩnh Hải', 'VH')  # caption
# para 4
d.LOC = NT
d.O('Trần Quốc Bảo', 'Trần Quốc Bảo', 'ông', ['Phó Chủ tịch UBND TP. Nha Trang'])
d.L('TP. Nha Trang', 'NT')
d.D('năm 2018', '2018', 'year')
d.P = '2018'
d.F('27', 'quantity', 27, 'phường', tier='commune')
d.F('98,2%', 'percentage', 98.2, metric='on_time_rate', tier='commune')
d.F('96,7%', 'percentage', 96.7, metric='on_time_rate', tier='district')
d.L('phường Lộc Thọ', 'LT')
d.L('Tân Lập', 'TL')
d.L('Phước Tiến', 'PT')
d.L('xã Phước Đồng', 'PD')
d.F('1%', 'percentage', 1.0, metric='online_rate', q='lt', loc='Xã Phước Đồng')
# para 5
d.D('Năm 2019', '2019', 'year')
d.P = '2019'
d.L('TP. Nha Trang', 'NT')
d.F('100%', 'percentage', 100.0, sl=3, tier='commune', target=True)
d.SL('3', [3], ctx='mức độ 3,')
d.F('90%', 'percentage', 90.0, metric='satisfaction_rate', q='gt', target=True)
d.F('5', 'quantity', 5, 'phút', target=True, ctx='5-10 phút')
d.F('10', 'quantity', 10, 'phút', target=True, ctx='5-10 phút')
d.O('Bảo', 'Trần Quốc Bảo', 'ông', [], ctx='Ông Bảo')
# footer
d.D('28/12/2018', '2018-12-28', 'day')
d.L('Vĩnh Hải', 'VH')
d.L('Nha Trang', 'NT')
d.write()
